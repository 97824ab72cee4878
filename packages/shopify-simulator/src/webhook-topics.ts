/**
 * Webhook topics: the GraphQL enum (`ORDERS_CREATE`) and the header/TOML form
 * (`orders/create`). Only topics that make sense for an invoicing app are listed; others are
 * rejected as unknown enum values, like any topic Shopify does not have.
 */

/** Topics `webhookSubscriptionCreate` accepts, with the scope each one needs (null = none). */
export const SUBSCRIBABLE_TOPICS: Readonly<Record<string, string | null>> = {
  APP_UNINSTALLED: null,
  APP_SCOPES_UPDATE: null,
  SHOP_UPDATE: null,
  ORDERS_CREATE: "read_orders",
  ORDERS_UPDATED: "read_orders",
  ORDERS_PAID: "read_orders",
  ORDERS_FULFILLED: "read_orders",
  ORDERS_PARTIALLY_FULFILLED: "read_orders",
  ORDERS_CANCELLED: "read_orders",
  ORDERS_EDITED: "read_orders",
  ORDERS_DELETE: "read_orders",
  REFUNDS_CREATE: "read_orders",
  FULFILLMENTS_CREATE: "read_fulfillments",
  FULFILLMENTS_UPDATE: "read_fulfillments",
  CUSTOMERS_CREATE: "read_customers",
  CUSTOMERS_UPDATE: "read_customers",
  PRODUCTS_CREATE: "read_products",
  PRODUCTS_UPDATE: "read_products",
};

/**
 * Mandatory compliance topics: configured in the Partner dashboard / `shopify.app.toml`
 * only. They are not members of the `WebhookSubscriptionTopic` enum.
 */
export const COMPLIANCE_TOPICS = ["customers/data_request", "customers/redact", "shop/redact"];

export function topicToEnum(slashTopic: string): string {
  return slashTopic.replace("/", "_").toUpperCase();
}

/** `ORDERS_CREATE` → `orders/create`, `APP_SCOPES_UPDATE` → `app/scopes_update`. */
export function topicFromEnum(enumTopic: string): string {
  const [resource = "", ...rest] = enumTopic.toLowerCase().split("_");
  return `${resource}/${rest.join("_")}`;
}
