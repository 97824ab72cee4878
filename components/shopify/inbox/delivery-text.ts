import type { InboxDelivery } from "@/db/queries/shopify-deliveries";

/**
 * Which message explains a delivery's outcome. Codes come from the handlers and
 * grow over time: a code without a translation gets a generic sentence that
 * still says whether something needs doing, never the raw code.
 */
export function outcomeMessageKey(
  delivery: Pick<InboxDelivery, "status" | "outcome" | "error">,
  hasMessage: (key: string) => boolean,
): string {
  if (delivery.status === "received")
    return delivery.error ? "outcomes.pendingRetry" : "outcomes.pending";
  const key = `outcomes.${delivery.outcome ?? ""}`;
  if (delivery.outcome && hasMessage(key)) return key;
  return delivery.status === "failed" ? "outcomes.unknownProblem" : "outcomes.unknown";
}

/** The topic in words ("Order paid"), or as Shopify names it when Facturo has no words for it. */
export function topicMessageKey(
  topic: string,
  hasMessage: (key: string) => boolean,
): string | null {
  const key = `topics.${topic}`;
  return hasMessage(key) ? key : null;
}

/** The order as the merchant knows it ("#1042"), else Shopify's id of it. */
export function orderLabel(delivery: Pick<InboxDelivery, "orderName" | "orderId">): string | null {
  return delivery.orderName ?? delivery.orderId;
}
