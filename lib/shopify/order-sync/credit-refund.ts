import { creditedCents, getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { findDocumentBySourceKey } from "@/db/queries/shopify-orders";
import type { Tenant } from "@/db/tenant";
import { isUniqueViolation } from "@/db/errors";
import { invoiceBuyer } from "@/lib/documents/create-credit-note";
import { creditRoomCents, knownDeliveryDate } from "@/lib/documents/document-state";
import { mapRefundToCreditNote, parseShopifyRefund, type ShopifyOrder } from "../order-mapping";
import type { OrderSyncDeps } from "./create-order-document";
import type { OrderSettings } from "./order-settings";
import { sendIfAutomatic } from "./send-if-automatic";
import { orderDocumentKey, refundCreditNoteKey } from "./source-keys";
import { toConceptLines } from "./to-concept-lines";

export interface RefundOutcome {
  status: "processed" | "ignored" | "failed";
  outcome: string;
  documentId?: string;
  error?: string;
}

/**
 * A Shopify refund becomes a credit note on the order's invoice: the refunded
 * lines, shipping and amounts, Shopify's tax copied as on the invoice. Goods the
 * merchant restocked go back into stock when the credit note is issued; goods
 * refunded without a return do not. One credit note per refund id, never more
 * than what is left to credit on the invoice.
 */
export async function creditRefund(
  deps: OrderSyncDeps,
  t: Tenant,
  input: { shop: string; refund: unknown; order: ShopifyOrder; settings: OrderSettings },
): Promise<RefundOutcome> {
  const { db } = deps;
  const parsed = parseShopifyRefund(input.refund, input.order);
  if (!parsed.ok)
    return { status: "failed", outcome: "unexpected_payload", error: parsed.error.message };
  const invoiceRef = await findDocumentBySourceKey(
    db,
    t,
    orderDocumentKey(input.shop, input.order.id, "invoice"),
  );
  if (!invoiceRef) return { status: "ignored", outcome: "no_invoice" };
  // Credited once the invoice is issued, by itself (./waiting-refunds.ts).
  if (invoiceRef.status === "concept") {
    return { status: "ignored", outcome: "waiting_for_invoice", documentId: invoiceRef.id };
  }
  if (invoiceRef.status === "cancelled") return { status: "ignored", outcome: "invoice_cancelled" };

  const mapped = mapRefundToCreditNote(parsed.value, input.order, { sellerCountry: "BE" });
  const key = refundCreditNoteKey(input.shop, mapped.shopify.refundId);
  const existing = await findDocumentBySourceKey(db, t, key);
  if (existing) return { status: "ignored", outcome: "already_credited", documentId: existing.id };
  if (mapped.lines.length === 0) return { status: "ignored", outcome: "nothing_to_credit" };
  const left = creditRoomCents(invoiceRef, await creditedCents(db, t, invoiceRef.id));
  if (mapped.creditTotalCents > left) {
    return { status: "failed", outcome: "credit_exceeds_invoice", documentId: invoiceRef.id };
  }

  const invoice = (await getDocument(db, t, invoiceRef.id))?.document;
  if (!invoice) return { status: "ignored", outcome: "no_invoice" };
  const { lines, origins } = toConceptLines(mapped.lines, invoice.language);
  const restocked = new Set(mapped.restock.filter((r) => r.restock).map((r) => r.lineItemId));
  let documentId: string;
  try {
    documentId = await createConcept(
      db,
      t,
      {
        type: "credit_note",
        customerId: invoice.customerId,
        language: invoice.language,
        issueDate: invoice.issueDate,
        dueDate: null,
        // The correction is its own taxable event, dated when the credit note is issued.
        supplyDate: null,
        legend: "",
        lines,
      },
      {
        source: "shopify",
        sourceId: input.order.id,
        sourceName: input.order.name,
        sourceKey: key,
        currency: invoice.currency,
        fixedVat: [...mapped.fixedVat],
        creditedDocumentId: invoice.id,
        customerSnapshot: invoiceBuyer(invoice.customer),
        deliveryDate: knownDeliveryDate(
          invoice,
          lines.map((line) => line.vatCategory),
        ),
        lineRestock: origins.map((o) => restocked.has(o.source.lineItemId)),
      },
    );
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { status: "ignored", outcome: "already_credited" };
  }
  if (input.settings.autoSend) {
    const send = await sendIfAutomatic(deps, t, documentId);
    if (!send.sent)
      return { status: "failed", outcome: send.problem ?? "missing_email", documentId };
  }
  return { status: "processed", outcome: "credit_note_created", documentId };
}
