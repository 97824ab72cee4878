import type { OnlinePaymentStatus } from "@/db/schema";

/**
 * Later reports can only move a payment forward: open → pending → a final state,
 * and paid beats everything. A late "expired" after "paid" (webhooks come in any
 * order, and more than once) changes nothing.
 */
const rank: Record<OnlinePaymentStatus, number> = {
  open: 0,
  pending: 1,
  expired: 2,
  failed: 2,
  canceled: 2,
  paid: 3,
};

export function laterStatus(
  current: OnlinePaymentStatus,
  reported: OnlinePaymentStatus,
): OnlinePaymentStatus {
  return rank[reported] > rank[current] ? reported : current;
}
