import type { DocumentLineRow, DocumentRow } from "@/db/queries/documents";
import type { CustomerSnapshot, SnapshotAddress } from "@/db/schema";
import { basisPointsToPercent, formatQuantity, parseQuantity } from "@/lib/money";
import { vatCountryOf } from "@/lib/vat";
import { amountDue } from "./document-state";

/** "21", "6", "5.5": a rate in basis points as the percentage string the API promises. */
export const ratePercent = basisPointsToPercent;

/** An address as the read API gives it: two street lines, postcode, city, ISO country. */
function addressJson(address: SnapshotAddress) {
  return {
    line1: address.street,
    line2: address.line2 || null,
    postal_code: address.postalCode,
    city: address.city,
    country: address.country,
  };
}

/**
 * The buyer as THIS document names them (its own snapshot: the order's buyer for a
 * Shopify document, frozen once issued), never the customer record as it is today.
 */
function customerJson(document: DocumentRow, customer: CustomerSnapshot) {
  return {
    id: document.customerId,
    name: customer.name,
    company_name: customer.company,
    vat_number: customer.vatNumber,
    email: customer.email,
    language: customer.language ?? document.language,
    address: addressJson(customer.billing),
    /** Only when the goods went elsewhere than the billing address. */
    delivery_address: customer.delivery ? addressJson(customer.delivery) : null,
  };
}

/** The read API's view of a document (snake_case, integer cents). */
export function documentJson(document: DocumentRow, lines?: DocumentLineRow[]) {
  return {
    id: document.id,
    type: document.type,
    status: document.status,
    number: document.number,
    issue_date: document.issueDate,
    due_date: document.dueDate,
    // The taxable event (delivery, or an earlier payment), YYYY-MM-DD; null when unknown.
    supply_date: document.supplyDate,
    // When the goods left (Shopify's first fulfilment), YYYY-MM-DD; null when unknown.
    delivery_date: document.deliveryDate,
    language: document.language,
    currency: document.currency,
    customer: document.customer ? customerJson(document, document.customer) : null,
    source: document.source,
    shopify_order_id: document.source === "shopify" ? document.sourceId : null,
    shopify_order_name: document.source === "shopify" ? document.sourceName : null,
    legend: document.legend,
    structured_communication: document.structuredCommunication,
    vat_breakdown: document.vatBreakdown.map((entry) => ({
      // The member state this VAT is owed to: BE, or an OSS destination (ISO alpha-2).
      country: vatCountryOf(entry),
      rate: ratePercent(entry.rateBp),
      category: entry.category,
      taxable_cents: entry.taxableCents,
      vat_cents: entry.vatCents,
    })),
    total_net_cents: document.totalNetCents,
    total_vat_cents: document.totalVatCents,
    // The VAT total in euro of a document in another currency (art. 230 VAT Directive); null in EUR.
    vat_total_eur_cents: document.currency === "EUR" ? null : document.vatTotalEurCents,
    total_cents: document.totalCents,
    paid_cents: document.paidCents,
    // What the customer still owes on an invoice (never below zero); other documents owe nothing.
    amount_due_cents: document.type === "invoice" ? amountDue(document) : 0,
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
            discount_cents: l.discountCents,
            vat_category: l.vatCategory,
            vat_rate: ratePercent(l.vatRateBp),
            vat_country: l.vatCountry,
            net_cents: l.netCents,
            vat_cents: l.vatCents,
            gross_cents: l.grossCents,
          })),
        }
      : {}),
  };
}
