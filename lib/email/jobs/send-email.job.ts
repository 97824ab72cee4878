import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

/** Every email leaves through this job, so a provider outage delays mail but loses none. */
export const sendEmailJob = defineJob({
  name: "send-email",
  retryLimit: 8,
  retryDelaySeconds: 5,
  // One email: one held by a dead worker comes back soon.
  expireInSeconds: 120,
  schema: z.object({
    organisationId: z.string().uuid().nullable().optional(),
    to: z.string().email(),
    subject: z.string().min(1),
    text: z.string(),
    html: z.string().optional(),
    fromName: z.string().nullable().optional(),
    replyTo: z.string().nullable().optional(),
    idempotencyKey: z.string().optional(),
  }),
});
