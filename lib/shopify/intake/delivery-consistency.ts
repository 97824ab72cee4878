import { APP_TOPICS, ORDER_TOPICS, PRIVACY_TOPICS } from "./webhook-topics";

/**
 * Shopify's signature covers the body only: the topic and shop headers are not signed.
 * A delivery is taken only when its body fits its headers, and only while Shopify could
 * still be sending it.
 *
 * Shopify retries a failed delivery 8 times over 4 hours, always with the original
 * payload and X-Shopify-Triggered-At (docs/shopify.md §2.6, from
 * https://shopify.dev/changelog/updates-to-webhook-retry-mechanism): a delivery
 * triggered more than 4 hours ago, plus an hour for clocks and our own outages, is
 * a replay. An order missed that way is found by the hourly reconciliation.
 */
export const MAX_DELIVERY_AGE_MS = 5 * 60 * 60 * 1000;
/** Shopify's clock and ours may differ a little. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

export type DeliveryProblem =
  | "triggered_at_missing"
  | "triggered_at_stale"
  | "triggered_at_future"
  | "body_not_of_topic"
  | "body_of_another_shop";

/** When the delivery was triggered, against the retry window. */
export function checkTriggeredAt(
  triggeredAt: string | null | undefined,
  now: Date,
): DeliveryProblem | null {
  if (!triggeredAt) return "triggered_at_missing";
  const at = new Date(triggeredAt).getTime();
  if (Number.isNaN(at)) return "triggered_at_missing";
  if (now.getTime() - at > MAX_DELIVERY_AGE_MS) return "triggered_at_stale";
  if (at - now.getTime() > MAX_CLOCK_AHEAD_MS) return "triggered_at_future";
  return null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const sameShop = (value: unknown, shop: string) =>
  typeof value === "string" && value.trim().toLowerCase() === shop;

const idOf = (value: unknown): string | null =>
  typeof value === "number" || (typeof value === "string" && /^\d{1,20}$/.test(value))
    ? String(value)
    : null;

export type BodyCheck =
  | {
      ok: true;
      /** The order the delivery is about, to check against other shops. */ orderId: string | null;
    }
  | { ok: false; problem: DeliveryProblem };

/**
 * The body against its topic and shop:
 * - app/uninstalled carries the shop itself: its `myshopify_domain` must be the shop;
 * - the privacy topics carry `shop_domain`, which must be the shop;
 * - order topics carry an order (its `id`, and none of a shop-level body's shop fields);
 *   refunds/create a refund naming its order (`order_id`). Order
 *   payloads do not name their shop, so the caller checks that the order id does not
 *   already belong to another shop.
 * Other topics are not ours to process (they are stored and ignored).
 */
export function checkBodyAgainstTopic(topic: string, shop: string, payload: unknown): BodyCheck {
  const known = [...ORDER_TOPICS, ...APP_TOPICS, ...PRIVACY_TOPICS] as readonly string[];
  if (!known.includes(topic)) return { ok: true, orderId: null };
  if (!isObject(payload)) return { ok: false, problem: "body_not_of_topic" };
  if (topic === "app/uninstalled") {
    if (!("myshopify_domain" in payload)) return { ok: false, problem: "body_not_of_topic" };
    return sameShop(payload.myshopify_domain, shop)
      ? { ok: true, orderId: null }
      : { ok: false, problem: "body_of_another_shop" };
  }
  if ((PRIVACY_TOPICS as readonly string[]).includes(topic)) {
    if (!("shop_domain" in payload)) return { ok: false, problem: "body_not_of_topic" };
    return sameShop(payload.shop_domain, shop)
      ? { ok: true, orderId: null }
      : { ok: false, problem: "body_of_another_shop" };
  }
  // A shop-level body (app/uninstalled's shop, a privacy request) is no order.
  if ("myshopify_domain" in payload || "shop_domain" in payload) {
    return { ok: false, problem: "body_not_of_topic" };
  }
  if (topic === "refunds/create") {
    const orderId = idOf(payload.order_id);
    return orderId ? { ok: true, orderId } : { ok: false, problem: "body_not_of_topic" };
  }
  const orderId = idOf(payload.id);
  return orderId ? { ok: true, orderId } : { ok: false, problem: "body_not_of_topic" };
}
