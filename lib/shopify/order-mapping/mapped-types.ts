import type { FixedVatAmount, PriceMode, VatCategory } from "@/lib/vat";
import type { MappedBuyer } from "./buyer";
import type { DocumentLanguage } from "./document-language";
import type { OrderDates } from "./order-dates";
import type { VatReason } from "./vat-treatment";

export type MappedLineKind =
  "product" | "shipping" | "tip" | "gift_card" | "refund_discrepancy" | "refund";

/** One of Shopify's tax lines on a line: the components of a combined rate. */
export interface MappedTaxLine {
  readonly title: string | null;
  readonly rateBp: number;
  readonly cents: number;
  /** The same tax in EUR from Shopify's shop money (shop in EUR, customer paying in another currency). */
  readonly eurCents?: number | null;
}

/**
 * One line of the document to create, in Shopify's terms (amounts as Shopify shows
 * them) plus the VAT treatment Facturo needs. `toFacturoLines` turns it into the
 * concept's line(s).
 */
export interface MappedLine {
  readonly kind: MappedLineKind;
  /** Title – variant, cleaned and cut to the concept schema's 500 characters. */
  readonly description: string;
  /** Cut to 100 characters; null when Shopify has none. */
  readonly sku: string | null;
  /** Whole units; −1 only for a credit-note correction that goes the other way. */
  readonly quantity: number;
  /** In `priceMode` (VAT included when the shop's prices include VAT). */
  readonly unitPriceCents: number;
  /** Σ Shopify discount allocations on this line (order-level codes included). */
  readonly discountCents: number;
  /** The discount's percentage in basis points when it really was one; else null. */
  readonly discountPercentBp?: number | null;
  /** quantity × unit price − discount: what Shopify shows for the line, in `priceMode`. */
  readonly amountCents: number;
  /** Shopify's tax for the line (Σ its tax lines), already rounded by Shopify. */
  readonly taxCents: number;
  readonly netCents: number;
  readonly grossCents: number;
  readonly priceMode: PriceMode;
  readonly vatCategory: VatCategory;
  readonly vatRateBp: number;
  /** The member state whose VAT the line carries: BE, or an OSS destination ("NL"). */
  readonly vatCountry: string;
  /** Why this category: the caller picks the VAT mention from it (K → art. 39bis, …). */
  readonly vatReason: VatReason;
  /** Σ of Shopify's rates on the line (0 without tax lines): what the order says. */
  readonly taxRateBp: number;
  /** "shopify": copied from the payload; "computed": Facturo split an amount Shopify gave no tax for. */
  readonly taxSource: "shopify" | "computed";
  /** Shopify's tax lines of this line (empty for lines Shopify gave no breakdown for). */
  readonly taxLines: readonly MappedTaxLine[];
  readonly source: {
    readonly lineItemId: string | null;
    readonly productId: string | null;
    readonly variantId: string | null;
    readonly shippingLineId: string | null;
  };
}

export type MappingWarningCode =
  | "test_order"
  | "cancelled_order"
  | "rate_rounded"
  | "tip_without_line"
  | "duties_not_mapped"
  | "additional_fees_not_mapped"
  | "invalid_vat_number"
  | "missing_issue_date"
  | "zero_quantity_line"
  | "removed_shipping_line"
  | "refund_amount_mismatch"
  | "shipping_refund_mismatch"
  | "refund_tax_computed"
  | "refund_line_not_in_order"
  | "received_amount_unknown"
  | "unknown_vat_rate"
  | "vat_in_euro_unknown";

export interface MappingWarning {
  readonly code: MappingWarningCode;
  readonly message: string;
}

export type OrderDocumentType = "invoice" | "order_form" | "delivery_note";

interface MappedDocumentBase {
  /** The presentment currency: what the customer saw and paid. */
  readonly currency: string;
  readonly shopCurrency: string;
  /** From `customer_locale`; null → the organisation's default language. */
  readonly language: DocumentLanguage | null;
  /** YYYY-MM-DD in Europe/Brussels; null when Shopify gave no usable date. */
  readonly issueDate: string | null;
  readonly taxesIncluded: boolean;
  readonly priceMode: PriceMode;
  readonly buyer: MappedBuyer;
  readonly lines: readonly MappedLine[];
  /** Shopify's tax per (category, rate) group, for `computeDocumentTotals({ fixedVat })`. */
  readonly fixedVat: readonly FixedVatAmount[];
  /** True when a line is reverse-charged (AE) or an intra-EU supply (K): the buyer accounts for VAT. */
  readonly reverseCharge: boolean;
  /** Free text worth keeping on the document (e.g. a VAT number that did not validate). */
  readonly notes: readonly string[];
  readonly warnings: readonly MappingWarning[];
}

export interface MappedOrderDocument extends MappedDocumentBase {
  readonly documentType: OrderDocumentType;
  /**
   * The VAT total in euro for an order paid in another currency (art. 230 VAT Directive):
   * Σ Shopify's shop-money VAT when the shop's currency is EUR; 0 when no VAT is charged;
   * null for a EUR order, or when the payload cannot say (warning `vat_in_euro_unknown`).
   */
  readonly vatTotalEurCents: number | null;
  readonly shopify: {
    readonly orderId: string;
    readonly orderGid: string;
    /** "#1042": shown on the document and searchable. */
    readonly orderName: string | null;
    readonly updatedAt: string | null;
  };
  /** paid, partially_refunded and refunded: the original invoice was paid in full. */
  readonly paid: boolean;
  /**
   * What Shopify received, in presentment cents: the total when paid, total − outstanding
   * when partially paid, 0 before payment; null when a partial payment's amount is unknown.
   */
  readonly receivedCents: number | null;
  /** Delivery, payment and supply dates, as far as the payload proves them. */
  readonly dates: OrderDates;
  readonly financialStatus: string | null;
  readonly paymentGatewayNames: readonly string[];
  /** Test orders (bogus gateway) must never be numbered as real invoices. */
  readonly test: boolean;
  readonly cancelled: boolean;
  readonly customerNote: string | null;
}

/** What to put back in stock after a refund. */
export interface RestockItem {
  readonly lineItemId: string | null;
  readonly sku: string | null;
  readonly variantId: string | null;
  readonly quantity: number;
  readonly restockType: string | null;
  /** restock_type other than no_restock (cancel, return, legacy_restock). */
  readonly restock: boolean;
  readonly locationId: string | null;
}

export interface MappedCreditNote extends MappedDocumentBase {
  readonly documentType: "credit_note";
  readonly shopify: {
    readonly refundId: string;
    readonly refundGid: string;
    readonly orderId: string;
    readonly orderGid: string;
    readonly orderName: string | null;
  };
  /** One credit note per refund: the refund GID. */
  readonly idempotencyKey: string;
  readonly restock: readonly RestockItem[];
  /** Σ successful refund transactions: the money that actually went back. */
  readonly refundedCents: number;
  /** Σ line gross amounts of this credit note. */
  readonly creditTotalCents: number;
  readonly refundNote: string | null;
}
