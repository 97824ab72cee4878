import type { DocumentLineRow, DocumentRow } from "@/db/queries/documents";
import { basisPointsToPercent, formatQuantity, parseQuantity } from "@/lib/money";

/** "21", "6", "5.5": a rate in basis points as the percentage string the API promises. */
export const ratePercent = basisPointsToPercent;

/** The read API's view of a document (snake_case, integer cents). */
export function documentJson(document: DocumentRow, lines?: DocumentLineRow[]) {
  return {
    id: document.id,
    type: document.type,
    status: document.status,
    number: document.number,
    issue_date: document.issueDate,
    due_date: document.dueDate,
    language: document.language,
    currency: document.currency,
    customer: document.customer
      ? {
          id: document.customerId,
          name: document.customer.name,
          company: document.customer.company,
          vat_number: document.customer.vatNumber,
          email: document.customer.email,
          billing_address: document.customer.billing,
          delivery_address: document.customer.delivery,
        }
      : null,
    source: document.source,
    shopify_order_id: document.source === "shopify" ? document.sourceId : null,
    shopify_order_name: document.source === "shopify" ? document.sourceName : null,
    legend: document.legend,
    structured_communication: document.structuredCommunication,
    vat_breakdown: document.vatBreakdown.map((entry) => ({
      rate: ratePercent(entry.rateBp),
      category: entry.category,
      taxable_cents: entry.taxableCents,
      vat_cents: entry.vatCents,
    })),
    total_net_cents: document.totalNetCents,
    total_vat_cents: document.totalVatCents,
    total_cents: document.totalCents,
    paid_cents: document.paidCents,
    credited_document_id: document.creditedDocumentId,
    finalised_at: document.finalisedAt?.toISOString() ?? null,
    created_at: document.createdAt.toISOString(),
    ...(lines
      ? {
          lines: lines.map((l) => ({
            description: l.description,
            sku: l.sku,
            quantity: formatQuantity(parseQuantity(l.quantity)),
            unit_price_cents: l.unitPriceCents,
            price_mode: l.priceMode,
            discount_bp: l.discountBp,
            vat_category: l.vatCategory,
            vat_rate: ratePercent(l.vatRateBp),
            net_cents: l.netCents,
            vat_cents: l.vatCents,
            gross_cents: l.grossCents,
          })),
        }
      : {}),
  };
}
