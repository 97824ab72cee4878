import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * One queued transmission, start to end: look the buyer up through the access
 * point; on the network, submit the document's UBL (PDF embedded) under the
 * transmission's idempotency key; off it, fall back to email. A retry after a crash
 * submits with the same key, which the access point processes once. What cannot
 * succeed (not set up, refused document) ends the transmission as failed with its
 * reason, on the document page; network trouble is retried, and recorded as failed
 * when the last attempt fails too.
 */
export const sendOverPeppolJob = defineJob({
  name: "send-over-peppol",
  retryLimit: 6,
  retryDelaySeconds: 15,
  // A look-up and a submission (the PDF rendered in the pool, 30 s at most).
  expireInSeconds: 120,
  schema: z.object({
    organisationId: z.string().uuid(),
    transmissionId: z.string().uuid(),
    emailAlreadyQueued: z.boolean().default(false),
  }),
});
