import { brusselsDayOf } from "@/lib/calendar/brussels-date";
import type { ShopifyOrder } from "./order-types";

/**
 * The dates of an order that the invoice must state (art. 5 §1, 4° KB nr. 1), as far as
 * the payload proves them. Pure; YYYY-MM-DD in Europe/Brussels; null when the payload
 * does not say — never guessed (the merchant can enter the date on the concept).
 */
export interface OrderDates {
  /** When the goods left: the earliest successful fulfilment. */
  readonly deliveryDate: string | null;
  /** The day Shopify took the money, when the payload proves that day. */
  readonly paymentDate: string | null;
  /**
   * The taxable event: the delivery, or the payment when it came first (art. 17 §1
   * WBTW). For an intra-EU supply of goods only the delivery counts.
   */
  readonly supplyDate: string | null;
}

/** Statuses in which Shopify holds (some of) the customer's money for the order. */
const MONEY_RECEIVED = new Set(["paid", "partially_paid", "partially_refunded", "refunded"]);

/** The earliest successful shipment's day. Cancelled, failed or pending ones are not a delivery. */
export function deliveryDateOf(order: Pick<ShopifyOrder, "fulfillments">): string | null {
  const days = order.fulfillments
    .filter((fulfillment) => fulfillment.status === "success")
    .map((fulfillment) => brusselsDayOf(fulfillment.createdAt))
    .filter((day): day is string => day !== null);
  return earliest(days);
}

/**
 * The payment's day. A webhook payload has no payment time, only the order's state at
 * `updated_at`: an order that shows money received and was created (or processed) the
 * same Brussels day as that update was paid on that day. An order paid on a later day
 * (a bank transfer marked paid) leaves the day unknown.
 */
export function paymentDateOf(
  order: Pick<ShopifyOrder, "financialStatus" | "createdAt" | "processedAt" | "updatedAt">,
): string | null {
  if (!MONEY_RECEIVED.has(order.financialStatus ?? "")) return null;
  const placed = earliest(
    [brusselsDayOf(order.createdAt), brusselsDayOf(order.processedAt)].filter(
      (day): day is string => day !== null,
    ),
  );
  const reported = brusselsDayOf(order.updatedAt);
  return placed !== null && placed === reported ? placed : null;
}

export function orderDates(
  order: Pick<
    ShopifyOrder,
    "fulfillments" | "financialStatus" | "createdAt" | "processedAt" | "updatedAt"
  >,
  options: { readonly intraEuGoods: boolean },
): OrderDates {
  const deliveryDate = deliveryDateOf(order);
  const paymentDate = paymentDateOf(order);
  const paid = MONEY_RECEIVED.has(order.financialStatus ?? "");
  let supplyDate: string | null;
  if (options.intraEuGoods) {
    // Intra-EU supplies of goods: VAT becomes chargeable with the supply itself, an
    // advance payment does not bring it forward (art. 69 Directive 2006/112).
    supplyDate = deliveryDate;
  } else if (paid && paymentDate === null) {
    // Paid on a day the payload does not tell: that payment may have come before the
    // delivery, so neither date can be claimed as the taxable event.
    supplyDate = null;
  } else {
    supplyDate = earlierDate(deliveryDate, paymentDate);
  }
  return { deliveryDate, paymentDate, supplyDate };
}

/** The earlier of two known dates (either may be unknown). */
export function earlierDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

function earliest(days: readonly string[]): string | null {
  return days.reduce<string | null>((found, day) => earlierDate(found, day), null);
}
