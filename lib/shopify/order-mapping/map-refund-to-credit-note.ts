import { brusselsDayOf } from "@/lib/calendar/brussels-date";
import type { CreditNoteContext } from "./credit-note-context";
import type { DocumentLanguage } from "./document-language";
import { ShopifyPayloadError } from "./errors";
import { fixedVatOf, isReverseCharge } from "./fixed-vat";
import { mapOrderToDocument, vatContext, type MapOrderOptions } from "./map-order-to-document";
import type { MappedCreditNote } from "./mapped-types";
import type { ShopifyOrder } from "./order-types";
import { refundProductLines } from "./refund-product-lines";
import { restockItems } from "./refund-restock";
import { refundShippingLines } from "./refund-shipping-lines";
import type { ShopifyRefund } from "./refund-types";
import { discrepancyLines, unassignedAmountLines } from "./refund-unassigned-lines";

export type MapRefundOptions = Pick<MapOrderOptions, "sellerCountry" | "untaxedCategory">;

const REFUND_LABEL: Record<DocumentLanguage, string> = {
  fr: "Remboursement",
  nl: "Terugbetaling",
  en: "Refund",
  de: "Erstattung",
};

/**
 * A Shopify refund (+ the order it refunds) → the credit note to create: one per
 * refund, keyed on the refund GID. Lines mirror the invoice lines they correct (same
 * description and VAT treatment); amounts and tax are the refund's own. Assumptions
 * (UNCONFIRMED by a captured Belgian refund, see README): a refund line's `subtotal`,
 * a refund shipping line's subtotal and an order adjustment's amount are in the
 * order's price mode — VAT included when `taxes_included` — exactly like the order's
 * line prices; the check against the refunded transactions reports any surprise.
 */
export function mapRefundToCreditNote(
  refund: ShopifyRefund,
  order: ShopifyOrder,
  options: MapRefundOptions,
): MappedCreditNote {
  if (refund.orderId !== null && refund.orderId !== order.id) {
    throw new ShopifyPayloadError(
      "refund_order_mismatch",
      `Refund ${refund.id} belongs to order ${refund.orderId}, not ${order.id}`,
    );
  }
  const invoice = mapOrderToDocument(order, { documentType: "invoice", ...options });
  const ctx: CreditNoteContext = {
    invoice,
    order,
    priceMode: invoice.priceMode,
    vat: vatContext(invoice.buyer, options, invoice.issueDate),
    warnings: [],
  };

  const lines = [...refundProductLines(refund, ctx), ...refundShippingLines(refund, ctx)];
  lines.push(...discrepancyLines(refund, lines, ctx));

  const refundedCents = refund.transactions
    .filter((t) => t.kind === "refund" && (t.status === null || t.status === "success"))
    .reduce((sum, t) => sum + t.amountCents, 0);
  const linesTotal = lines.reduce((sum, line) => sum + line.grossCents, 0);
  if (linesTotal === 0 && refundedCents !== 0) {
    // Money-only refund: nothing tied to lines, but money went back.
    const label = REFUND_LABEL[invoice.language ?? "en"];
    lines.push(
      ...unassignedAmountLines(refundedCents, "refund", label, refund.note, invoice.lines, ctx),
    );
  }

  const creditTotalCents = lines.reduce((sum, line) => sum + line.grossCents, 0);
  if (creditTotalCents !== refundedCents) {
    const message = `Credit note totals ${creditTotalCents} cents, refund transactions ${refundedCents}`;
    ctx.warnings.push({ code: "refund_amount_mismatch", message });
  }
  if ((refund.dutiesCents ?? 0) !== 0) {
    ctx.warnings.push({
      code: "duties_not_mapped",
      message: "Refunded duties are not on the credit note",
    });
  }
  if ((refund.additionalFeesCents ?? 0) !== 0) {
    const message = "Refunded additional fees are not on the credit note";
    ctx.warnings.push({ code: "additional_fees_not_mapped", message });
  }
  const issueDate = brusselsDayOf(refund.processedAt ?? refund.createdAt);
  if (!issueDate) {
    ctx.warnings.push({ code: "missing_issue_date", message: "Refund has no usable processed_at" });
  }

  return {
    documentType: "credit_note",
    currency: invoice.currency,
    shopCurrency: invoice.shopCurrency,
    language: invoice.language,
    issueDate,
    taxesIncluded: invoice.taxesIncluded,
    priceMode: invoice.priceMode,
    shopify: {
      refundId: refund.id,
      refundGid: refund.gid,
      orderId: order.id,
      orderGid: order.gid,
      orderName: order.name,
    },
    idempotencyKey: refund.gid,
    buyer: invoice.buyer,
    lines,
    fixedVat: fixedVatOf(lines),
    reverseCharge: isReverseCharge(lines),
    notes: invoice.notes,
    warnings: ctx.warnings,
    restock: restockItems(refund, order),
    refundedCents,
    creditTotalCents,
    refundNote: refund.note,
  };
}
