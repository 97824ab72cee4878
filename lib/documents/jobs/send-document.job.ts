import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * Emails the document's original PDF (rendered and stored first if it is not yet). The email's idempotency key is the send
 * row's id, so a retry after a crash never sends twice; a provider failure is
 * recorded on the send and in the activity log, then retried by the queue.
 */
export const sendDocumentJob = defineJob({
  name: "send-document",
  retryLimit: 8,
  retryDelaySeconds: 10,
  // One PDF and one email: a send held by a dead worker comes back soon.
  expireInSeconds: 120,
  schema: z.object({ organisationId: z.string().uuid(), sendId: z.string().uuid() }),
});
