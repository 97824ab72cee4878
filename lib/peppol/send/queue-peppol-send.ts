import type { Db } from "@/db";
import { getDocument, recordDocumentEvent } from "@/db/queries/documents";
import { createPeppolTransmission, openTransmissionOf } from "@/db/queries/peppol-transmissions";
import type { Tenant } from "@/db/tenant";
import { isFinalised } from "@/lib/documents/document-lifecycle";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { formatParticipant } from "../transport/participant";
import { belgianBuyerParticipant } from "./buyer-participant";
import { sendOverPeppolJob } from "@/lib/peppol/jobs/send-over-peppol.job";

export type QueuePeppolSendResult =
  | { queued: true; transmissionId: string }
  | {
      queued: false;
      reason: "not_found" | "not_issued" | "not_b2b" | "already_on_its_way" | "already_delivered";
    };

/**
 * "Send via Peppol": records a queued transmission and leaves the work (lookup, UBL,
 * submission or email fallback) to the send job. A document whose last transmission
 * is still on its way is not queued again, so a double click never sends twice.
 * `emailAlreadyQueued`: the caller is emailing the PDF anyway (the automatic send),
 * so a buyer off the network needs no second email.
 */
export async function queuePeppolSend(
  db: Db,
  t: Tenant,
  documentId: string,
  queue: Queue,
  options: { emailAlreadyQueued?: boolean } = {},
): Promise<QueuePeppolSendResult> {
  const document = (await getDocument(db, t, documentId))?.document;
  if (!document) return { queued: false, reason: "not_found" };
  const isInvoice = document.type === "invoice" || document.type === "credit_note";
  if (!isInvoice || !isFinalised(document.status)) return { queued: false, reason: "not_issued" };
  const receiver = belgianBuyerParticipant(document.customer);
  if (!receiver) return { queued: false, reason: "not_b2b" };
  const blocking = await openTransmissionOf(db, t, documentId);
  if (blocking) {
    const reason = blocking.status === "delivered" ? "already_delivered" : "already_on_its_way";
    return { queued: false, reason };
  }
  const receiverId = formatParticipant(receiver);
  const transmission = await createPeppolTransmission(db, t, documentId, receiverId);
  await recordDocumentEvent(db, t, documentId, "peppol_queued", { to: receiverId });
  await enqueue(queue, sendOverPeppolJob, {
    organisationId: t.organisationId,
    transmissionId: transmission.id,
    emailAlreadyQueued: options.emailAlreadyQueued ?? false,
  });
  return { queued: true, transmissionId: transmission.id };
}
