import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * A sign-in email, on its own queue: the worker polls it apart from `send-email`, so a
 * backlog of other mail never delays a link. The link is in the data only sealed
 * (lib/auth/sign-in-link.ts); the text holds a placeholder where it goes.
 */
export const sendSignInEmailJob = defineJob({
  name: "send-sign-in-email",
  retryLimit: 5,
  retryDelaySeconds: 2,
  // Short work: one held by a dead worker comes back within a minute or two.
  expireInSeconds: 60,
  schema: z.object({
    to: z.string().email(),
    subject: z.string().min(1),
    /** The email's text with SIGN_IN_LINK_PLACEHOLDER where the link goes. */
    text: z.string(),
    sealedLink: z.string().min(1),
  }),
});
