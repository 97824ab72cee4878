/**
 * A Shopify order after parsing: ids as strings, every amount in integer cents of the
 * presentment currency (what the customer saw and paid), rates in basis points.
 * Only what the mapping uses is kept; trimmed payloads leave optional parts null.
 */

export interface ShopifyTaxLine {
  readonly title: string | null;
  readonly rateBp: number;
  /** False when Shopify's rate is finer than a basis point (e.g. 8.875 %) and was rounded. */
  readonly rateExact: boolean;
  readonly cents: number;
  /**
   * The same tax in the shop's currency (`price_set.shop_money`), when it is EUR and the
   * customer paid in another currency: the VAT a Belgian invoice must also state in euro
   * (art. 230 VAT Directive). Null otherwise, or when the payload does not give it.
   */
  readonly eurCents?: number | null;
}

export interface ShopifyAddress {
  readonly name: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly company: string | null;
  readonly address1: string | null;
  readonly address2: string | null;
  readonly zip: string | null;
  readonly city: string | null;
  readonly province: string | null;
  readonly country: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly countryCode: string | null;
  readonly phone: string | null;
}

export interface ShopifyCustomer {
  readonly id: string | null;
  readonly gid: string | null;
  readonly email: string | null;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly phone: string | null;
}

export interface ShopifyLineItem {
  readonly id: string | null;
  readonly gid: string | null;
  readonly productId: string | null;
  readonly variantId: string | null;
  readonly title: string | null;
  readonly variantTitle: string | null;
  readonly name: string | null;
  readonly sku: string | null;
  readonly quantity: number;
  /** Unit price before discounts; VAT included when the order's `taxesIncluded`. */
  readonly priceCents: number;
  /** Σ discount_allocations (order-level codes included), same price mode. */
  readonly discountCents: number;
  /**
   * The percentage of the discount in basis points, when every allocation comes from one
   * percentage discount (a "10 %" code); null for fixed amounts, mixes, or when unknown.
   */
  readonly discountPercentBp?: number | null;
  readonly taxLines: readonly ShopifyTaxLine[];
  readonly taxable: boolean | null;
  readonly requiresShipping: boolean | null;
  readonly giftCard: boolean;
  readonly productExists: boolean | null;
}

export interface ShopifyShippingLine {
  readonly id: string | null;
  readonly title: string | null;
  readonly code: string | null;
  /** Before shipping discounts. */
  readonly priceCents: number;
  /** What the customer pays for shipping (price − shipping discounts). */
  readonly discountedPriceCents: number;
  readonly taxLines: readonly ShopifyTaxLine[];
  readonly isRemoved: boolean;
}

export interface ShopifyNoteAttribute {
  readonly name: string;
  readonly value: string;
}

/** Order-level amounts Shopify computed; null when the payload omits them (trimmed). */
export interface ShopifyOrderTotals {
  readonly totalPriceCents: number | null;
  readonly subtotalPriceCents: number | null;
  readonly totalTaxCents: number | null;
  readonly totalDiscountsCents: number | null;
  readonly totalLineItemsPriceCents: number | null;
  /** `total_tip_received`; a plain field, so in the shop currency unless a `_set` was given. */
  readonly totalTipCents: number | null;
  readonly totalDutiesCents: number | null;
  readonly totalAdditionalFeesCents: number | null;
  /**
   * `total_outstanding`: what the customer still owes; null when the payload omits it or
   * only gives it in another currency than the presentment one.
   */
  readonly totalOutstandingCents: number | null;
}

/** One shipment of the order. */
export interface ShopifyFulfillment {
  /** ISO timestamp: when the goods were handed to the carrier (or the customer). */
  readonly createdAt: string | null;
  /** `success`, `cancelled`, `error`, `failure`, `open`, `pending` (lower case). */
  readonly status: string | null;
}

export interface ShopifyOrder {
  readonly id: string;
  readonly gid: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly note: string | null;
  readonly test: boolean;
  readonly createdAt: string | null;
  readonly processedAt: string | null;
  readonly updatedAt: string | null;
  readonly cancelledAt: string | null;
  readonly customerLocale: string | null;
  readonly shopCurrency: string;
  readonly presentmentCurrency: string;
  readonly taxesIncluded: boolean;
  readonly financialStatus: string | null;
  readonly fulfillmentStatus: string | null;
  readonly paymentGatewayNames: readonly string[];
  readonly sourceName: string | null;
  readonly noteAttributes: readonly ShopifyNoteAttribute[];
  readonly customer: ShopifyCustomer | null;
  readonly billingAddress: ShopifyAddress | null;
  readonly shippingAddress: ShopifyAddress | null;
  readonly totals: ShopifyOrderTotals;
  /** Order-level tax lines (per title and rate); null when the key is absent. */
  readonly taxLines: readonly ShopifyTaxLine[] | null;
  readonly lineItems: readonly ShopifyLineItem[];
  /** Null when the key is absent (trimmed payload), [] when there is no shipping. */
  readonly shippingLines: readonly ShopifyShippingLine[] | null;
  /** The shipments so far ([] when none or when the payload omits them). */
  readonly fulfillments: readonly ShopifyFulfillment[];
}
