import type { OrderTrigger } from "./order-settings";

export interface OrderState {
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  cancelled: boolean;
}

// A refunded order was paid first: its invoice is for the original sale.
const PAID_STATUSES = new Set(["paid", "partially_refunded", "refunded"]);

export function isPaid(order: Pick<OrderState, "financialStatus">): boolean {
  return PAID_STATUSES.has(order.financialStatus ?? "");
}

/**
 * Whether the merchant's chosen Shopify action has happened for this order. Read
 * from the order's state, not only from the topic: deliveries arrive late, twice
 * or out of order, and an order paid at checkout comes with orders/create first.
 * Any later event of an order proves it was created, so a missed orders/create
 * is caught up by the next delivery. The import and the reconciliation pass
 * "import" / "reconcile": for them only the order's state counts.
 */
export function triggerHasFired(trigger: OrderTrigger, topic: string, order: OrderState): boolean {
  if (order.cancelled) return false;
  switch (trigger) {
    case "order_created":
      return topic.startsWith("orders/") || topic === "import" || topic === "reconcile";
    case "order_paid":
      return topic === "orders/paid" || isPaid(order);
    case "order_fulfilled":
      return topic === "orders/fulfilled" || order.fulfillmentStatus === "fulfilled";
  }
}
