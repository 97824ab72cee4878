import type { Db } from "@/db";
import { createDocumentSend, unsentDocumentSendsSince } from "@/db/queries/document-sends";
import { recordDocumentEvent, type DocumentRow } from "@/db/queries/documents";
import { claimEmailFallback, settleTransmission } from "@/db/queries/peppol-transmissions";
import type { Tenant } from "@/db/tenant";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import { documentBuyer } from "@/lib/documents/document-buyer";

/**
 * The buyer is not on the network: the document goes by email, the way every
 * document does (the send-document job, with its PDF). The transmission becomes the
 * email channel first, and only the caller that wins that change queues the email,
 * so a retried job never emails twice. Without an email address it fails, visibly.
 */
export async function fallBackToEmail(
  db: Db,
  t: Tenant,
  queue: Queue,
  transmissionId: string,
  document: DocumentRow,
  emailAlreadyQueued: boolean,
): Promise<void> {
  const customer = await documentBuyer(db, t, document);
  const email = customer?.email;
  if (!email && !emailAlreadyQueued) {
    await settleTransmission(db, t, transmissionId, "failed", "not_on_peppol_no_email");
    await recordDocumentEvent(db, t, document.id, "peppol_failed", {
      reason: "not_on_peppol_no_email",
    });
    return;
  }
  // Claim and the email's send row commit together: a crash cannot leave a claimed
  // fallback without its email. The job is queued after the commit; should the
  // process die in between, the retried job finds the send row and queues it.
  const sendId = await db.transaction(async (tx) => {
    if (!(await claimEmailFallback(tx, t, transmissionId, "not_on_peppol"))) return null;
    await recordDocumentEvent(tx, t, document.id, "peppol_email_fallback", { to: email ?? null });
    if (emailAlreadyQueued || !email) return null;
    const send = await createDocumentSend(tx, t, document.id, email);
    await recordDocumentEvent(tx, t, document.id, "send_queued", { to: email });
    return send.id;
  });
  if (sendId) await enqueue(queue, sendDocumentJob, { organisationId: t.organisationId, sendId });
}

/**
 * After a fallback whose job died between commit and queueing: the document's
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
