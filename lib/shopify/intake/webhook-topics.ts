/**
 * The webhook topics Facturo subscribes to for each shop. All order topics are
 * subscribed whatever the merchant's trigger: the worker filters, so changing the
 * trigger needs no call to Shopify and a missed subscription cannot hide orders.
 */
export const ORDER_TOPICS = [
  "orders/create",
  "orders/paid",
  "orders/fulfilled",
  "orders/cancelled",
  "refunds/create",
] as const;

export const APP_TOPICS = ["app/uninstalled"] as const;

/** Declared in the app's configuration (Partner dashboard), never through the API. */
export const PRIVACY_TOPICS = [
  "customers/data_request",
  "customers/redact",
  "shop/redact",
] as const;

export const SUBSCRIBED_TOPICS = [...ORDER_TOPICS, ...APP_TOPICS] as const;

export type SubscribedTopic = (typeof SUBSCRIBED_TOPICS)[number];

/** `orders/create` → `ORDERS_CREATE`, the GraphQL enum. */
export function topicEnum(topic: string): string {
  return topic.toUpperCase().replace(/\//g, "_");
}

/** `ORDERS_CREATE` → `orders/create`. */
export function topicFromEnum(value: string): string {
  const [resource, ...rest] = value.toLowerCase().split("_");
  return `${resource}/${rest.join("_")}`;
}
