import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * One transmission, start to end (lib/peppol/send/README.md): the merchant registered?
 * (else it waits for them); the UBL built and checked with the official rules (a failing
 * one is never transmitted); the buyer looked up under 0208 then 9925 (not found: looked
 * up again later, with backoff, by this same job); then submitted under the
 * transmission's idempotency key, which the access point processes once. The buyer's
 * PDF copy is queued once, when the outcome is known. Network trouble is retried, and
 * recorded as failed when the last attempt fails too.
 */
export const sendOverPeppolJob = defineJob({
  name: "send-over-peppol",
  retryLimit: 6,
  retryDelaySeconds: 15,
  // Two look-ups, the UBL with its PDF, the official rules (about 3 s), a submission.
  expireInSeconds: 180,
  schema: z.object({
    organisationId: z.string().uuid(),
    transmissionId: z.string().uuid(),
    /** Jobs queued before Peppol first carried it; the transmission's copy_email says it now. */
    emailAlreadyQueued: z.boolean().optional(),
  }),
});
