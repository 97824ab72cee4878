import { creditedCents, recordDocumentEvent } from "@/db/queries/documents";
import {
  documentsOfOrder,
  findDocumentById,
  findDocumentBySourceKey,
} from "@/db/queries/shopify-orders";
import type { Tenant } from "@/db/tenant";
import { isUniqueViolation } from "@/db/errors";
import { cancelConcept } from "@/lib/documents/cancel-concept";
import { createCreditNote } from "@/lib/documents/create-credit-note";
import type { OrderSyncDeps } from "./create-order-document";
import type { OrderSettings } from "./order-settings";
import { sendIfAutomatic } from "./send-if-automatic";
import { cancellationCreditNoteKey } from "./source-keys";

export interface CancelOutcome {
  status: "processed" | "ignored" | "failed";
  outcome: string;
  documentId?: string;
}

/**
 * An order cancelled in Shopify. A concept made from it is cancelled. An issued
 * invoice is never edited: it gets a credit note for its full amount (sent like
 * any document, per the auto-send setting). An invoice already partly credited
 * (a refund came first) is left to the merchant, who sees why in the inbox:
 * crediting it in full again would give back more than was paid.
 */
export async function cancelOrderDocuments(
  deps: OrderSyncDeps,
  t: Tenant,
  input: { shop: string; orderId: string; settings: OrderSettings },
): Promise<CancelOutcome> {
  const { db } = deps;
  const prefix = `shopify:${input.shop}:order:${input.orderId}:`;
  const documents = (await documentsOfOrder(db, t, input.orderId)).filter((d) =>
    d.sourceKey?.startsWith(prefix),
  );
  if (documents.length === 0) return { status: "ignored", outcome: "no_document" };

  let result: CancelOutcome = { status: "ignored", outcome: "already_cancelled" };
  for (const document of documents) {
    if (document.status === "concept") {
      await cancelConcept(db, t, { documentId: document.id }, deps.clock);
      result = { status: "processed", outcome: "concept_cancelled", documentId: document.id };
    } else if (document.status === "cancelled") {
      continue;
    } else if (document.type === "invoice") {
      result = await creditCancelledInvoice(deps, t, input, document.id);
    } else {
      await recordDocumentEvent(db, t, document.id, "shopify_cancelled");
      result = { status: "processed", outcome: "cancellation_noted", documentId: document.id };
    }
  }
  return result;
}

async function creditCancelledInvoice(
  deps: OrderSyncDeps,
  t: Tenant,
  input: { shop: string; orderId: string; settings: OrderSettings },
  invoiceId: string,
): Promise<CancelOutcome> {
  const key = cancellationCreditNoteKey(input.shop, input.orderId);
  const existing = await findDocumentBySourceKey(deps.db, t, key);
  if (existing) return { status: "ignored", outcome: "already_credited", documentId: existing.id };
  const invoice = await findDocumentById(deps.db, t, invoiceId);
  const credited = await creditedCents(deps.db, t, invoiceId);
  // A free order, or one already refunded in full (Shopify refunds before it cancels).
  if (!invoice || credited >= invoice.totalCents) {
    return { status: "ignored", outcome: "already_credited", documentId: invoiceId };
  }
  if (credited > 0) {
    return { status: "failed", outcome: "partially_credited", documentId: invoiceId };
  }
  let creditNoteId: string;
  try {
    creditNoteId = await createCreditNote(deps.db, t, { invoiceId, sourceKey: key }, deps.clock);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { status: "ignored", outcome: "already_credited" };
  }
  await recordDocumentEvent(deps.db, t, invoiceId, "shopify_cancelled");
  if (input.settings.autoSend) {
    const send = await sendIfAutomatic(deps, t, creditNoteId);
    if (!send.sent)
      return {
        status: "failed",
        outcome: send.problem ?? "missing_email",
        documentId: creditNoteId,
      };
  }
  return { status: "processed", outcome: "credit_note_created", documentId: creditNoteId };
}
