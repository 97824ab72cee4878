import type { RestockItem } from "./mapped-types";
import type { ShopifyOrder } from "./order-types";
import type { ShopifyRefund, ShopifyRefundLineItem } from "./refund-types";

/** Stock to restore: every refunded unit whose restock_type is not no_restock. */
export function restockItems(refund: ShopifyRefund, order: ShopifyOrder): RestockItem[] {
  return refund.lineItems
    .filter((line) => line.quantity > 0)
    .map((line: ShopifyRefundLineItem) => {
      const restock = line.restockType
        ? line.restockType !== "no_restock"
        : refund.restock === true;
      // The SKU as Shopify has it (not cut for printing): it is a stock lookup key.
      const item = line.lineItem ?? order.lineItems.find((i) => i.id === line.lineItemId);
      return {
        lineItemId: line.lineItemId,
        sku: item?.sku ?? null,
        variantId: item?.variantId ?? null,
        quantity: line.quantity,
        restockType: line.restockType,
        restock,
        locationId: line.locationId,
      };
    });
}
