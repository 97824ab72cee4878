import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * Renders an issued document's PDF (and, for an invoice or credit note, its UBL) once,
 * right after it is issued, and stores them as its originals. Queued by the send; the
 * send and Peppol jobs store them too when they run first (whichever is first wins,
 * the others reuse it). Issuing never waits for it: a failed render is retried here
 * and the document stays issued.
 */
export const storeOriginalsJob = defineJob({
  name: "store-originals",
  retryLimit: 8,
  retryDelaySeconds: 10,
  expireInSeconds: 120,
  schema: z.object({ organisationId: z.string().uuid(), documentId: z.string().uuid() }),
});
