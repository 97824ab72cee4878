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
 * Sends an issued Belgian B2B invoice or credit note over Peppol: records a queued
 * transmission and leaves the work (registration check, UBL and its validation,
 * look-up, submission) to the send job. `copyEmail`: the buyer also gets the PDF,
 * marked as a copy, once the outcome is known (the merchant's Send does this; "Send
 * via Peppol" alone does not). A document whose transmission is still on its way is not
 * queued twice; one waiting for the merchant's registration or for the buyer to join
 * Peppol is tried again now (its job runs at once, same transmission).
 */
export async function queuePeppolSend(
  db: Db,
  t: Tenant,
  documentId: string,
  queue: Queue,
  options: { copyEmail?: boolean } = {},
): Promise<QueuePeppolSendResult> {
  const document = (await getDocument(db, t, documentId))?.document;
  if (!document) return { queued: false, reason: "not_found" };
  const isInvoice = document.type === "invoice" || document.type === "credit_note";
  if (!isInvoice || !isFinalised(document.status)) return { queued: false, reason: "not_issued" };
  const receiver = belgianBuyerParticipant(document.customer);
  if (!receiver) return { queued: false, reason: "not_b2b" };
  const blocking = await openTransmissionOf(db, t, documentId);
  if (blocking && (blocking.status === "waiting" || blocking.status === "not_found")) {
    await runSendJob(queue, t, blocking.id);
    return { queued: true, transmissionId: blocking.id };
  }
  if (blocking) {
    const reason = blocking.status === "delivered" ? "already_delivered" : "already_on_its_way";
    return { queued: false, reason };
  }
  const receiverId = formatParticipant(receiver);
  const transmission = await createPeppolTransmission(db, t, documentId, receiverId, {
    copyEmail: options.copyEmail ?? false,
  });
  await recordDocumentEvent(db, t, documentId, "peppol_queued", { to: receiverId });
  await runSendJob(queue, t, transmission.id);
  return { queued: true, transmissionId: transmission.id };
}

function runSendJob(queue: Queue, t: Tenant, transmissionId: string) {
  return enqueue(queue, sendOverPeppolJob, { organisationId: t.organisationId, transmissionId });
}
