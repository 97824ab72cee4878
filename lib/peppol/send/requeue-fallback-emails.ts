import type { Db } from "@/db";
import { unsentDocumentSendsSince } from "@/db/queries/document-sends";
import type { Tenant } from "@/db/tenant";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";

/**
 * Transmissions of before Peppol first fell back to email when the buyer was not on
 * the network. After such a fallback whose job died between commit and queueing: the document's
 * email sends still waiting since the transmission began are queued (again). The
 * send job is idempotent per send, so queueing one twice emails once.
 */
export async function requeueFallbackEmails(
  db: Db,
  t: Tenant,
  queue: Queue,
  transmission: { documentId: string; createdAt: Date },
): Promise<void> {
  for (const send of await unsentDocumentSendsSince(
    db,
    t,
    transmission.documentId,
    transmission.createdAt,
  )) {
    await enqueue(queue, sendDocumentJob, { organisationId: t.organisationId, sendId: send.id });
  }
}
