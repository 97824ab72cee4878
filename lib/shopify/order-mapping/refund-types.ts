import type { ShopifyLineItem, ShopifyShippingLine } from "./order-types";

/** A Shopify refund (`refunds/create` body), amounts in presentment cents. */
export interface ShopifyRefundLineItem {
  readonly id: string | null;
  readonly lineItemId: string | null;
  readonly quantity: number;
  /** no_restock, cancel, return, legacy_restock. */
  readonly restockType: string | null;
  readonly locationId: string | null;
  /** Refunded amount of the line after its discount; see README for gross vs net. */
  readonly subtotalCents: number;
  readonly totalTaxCents: number;
  /** The refunded order line as embedded in the refund (may be absent in trimmed payloads). */
  readonly lineItem: ShopifyLineItem | null;
}

export interface ShopifyRefundShippingLine {
  readonly id: string | null;
  readonly shippingLineId: string | null;
  readonly subtotalCents: number;
  /** `tax_amount_set` (GraphQL has it; older REST payloads do not). */
  readonly taxCents: number | null;
  readonly shippingLine: ShopifyShippingLine | null;
}

export interface ShopifyOrderAdjustment {
  readonly id: string | null;
  /** shipping_refund or refund_discrepancy. */
  readonly kind: string | null;
  /** Negative when money goes back to the customer (Shopify's sign). */
  readonly amountCents: number;
  readonly taxAmountCents: number;
  readonly reason: string | null;
}

export interface ShopifyRefundTransaction {
  readonly id: string | null;
  readonly kind: string | null;
  readonly status: string | null;
  readonly amountCents: number;
  readonly gateway: string | null;
}

export interface ShopifyRefund {
  readonly id: string;
  readonly gid: string;
  readonly orderId: string | null;
  readonly createdAt: string | null;
  readonly processedAt: string | null;
  readonly note: string | null;
  /** Legacy refund-level flag, used when a line has no `restock_type`. */
  readonly restock: boolean | null;
  readonly lineItems: readonly ShopifyRefundLineItem[];
  readonly shippingLines: readonly ShopifyRefundShippingLine[];
  readonly adjustments: readonly ShopifyOrderAdjustment[];
  readonly transactions: readonly ShopifyRefundTransaction[];
  readonly dutiesCents: number | null;
  readonly additionalFeesCents: number | null;
}
