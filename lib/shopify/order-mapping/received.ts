import type { ShopifyOrder } from "./order-types";

/** Statuses after which Shopify holds the whole original total (refunds get credit notes). */
const PAID_IN_FULL = new Set(["paid", "partially_refunded", "refunded"]);

/**
 * What Shopify received for the order, in presentment cents: the total for a paid order,
 * total − outstanding for a partially paid one, 0 before any payment. Null when the
 * payload does not say how much of a partially paid order was paid (no
 * `total_outstanding` in the presentment currency): then nothing is recorded rather
 * than a guess.
 */
export function receivedCents(
  order: Pick<ShopifyOrder, "financialStatus" | "totals">,
  documentTotalCents: number,
): number | null {
  const status = order.financialStatus ?? "";
  const total = order.totals.totalPriceCents ?? documentTotalCents;
  if (PAID_IN_FULL.has(status)) return total;
  if (status !== "partially_paid") return 0;
  const outstanding = order.totals.totalOutstandingCents;
  if (outstanding === null || outstanding <= 0 || outstanding >= total) return null;
  return total - outstanding;
}
