import type { SimulatorConfig } from "./config";
import {
  getObject,
  getScalarString,
  getString,
  idKey,
  type JsonObject,
  type JsonValue,
} from "./json";
import { type ShopState, shopRestJson, type SimulatorState } from "./state";
import { revokeShopTokens } from "./tokens";
import type { DeliveryOptions, Dispatch, WebhookSender } from "./webhook-sender";

/** Installing and uninstalling the app, and the compliance webhooks that go with it. */

export function markInstalled(config: SimulatorConfig, shop: ShopState, scopes: string[]): void {
  shop.installed = true;
  shop.scopes = scopes;
  shop.installedAt = config.now().toISOString();
  shop.uninstalledAt = null;
  config.log(`${shop.domain}: app installed with scopes ${scopes.join(",") || "(none)"}`);
}

/**
 * Uninstall as Shopify does it (§1.10): tokens die at once, the app's API-created
 * subscriptions are deleted, and `app/uninstalled` goes to the subscriptions that existed at
 * that moment.
 */
export function uninstall(
  state: SimulatorState,
  config: SimulatorConfig,
  sender: WebhookSender,
  shop: ShopState,
  options: DeliveryOptions = {},
): Dispatch {
  revokeShopTokens(state, shop.domain);
  // Snapshot first: the subscriptions disappear, but this event still reaches them.
  const dispatch = sender.dispatch(
    shop,
    [{ topic: "app/uninstalled", payload: shopRestJson(shop) }],
    options,
  );
  shop.subscriptions = [];
  shop.installed = false;
  shop.uninstalledAt = config.now().toISOString();
  config.log(`${shop.domain}: app uninstalled`);
  return dispatch;
}

export type ComplianceKind = "customers-data-request" | "customers-redact" | "shop-redact";

export const COMPLIANCE_TOPIC_BY_KIND: Record<ComplianceKind, string> = {
  "customers-data-request": "customers/data_request",
  "customers-redact": "customers/redact",
  "shop-redact": "shop/redact",
};

/** Payload shapes of docs/shopify.md §2.3, filled from the shop's latest customer; `overrides` win. */
export function compliancePayload(
  shop: ShopState,
  kind: ComplianceKind,
  overrides: JsonObject = {},
): JsonObject {
  const base: JsonObject = { shop_id: shop.id, shop_domain: shop.domain };
  if (kind === "shop-redact") return { ...base, ...overrides };

  const latest = [...shop.orders].reverse().find((order) => getObject(order, "customer"));
  const customer = latest ? getObject(latest, "customer") : null;
  const customerId = customer ? (customer.id ?? null) : 9_000_000_001;
  const customerJson: JsonObject = {
    id: customerId,
    email: customer ? getString(customer, "email") : "customer@example.com",
    phone: customer ? getString(customer, "phone") : null,
  };
  const orderIds: JsonValue[] = shop.orders
    .filter((order) => {
      const c = getObject(order, "customer");
      return c !== null && getScalarString(c, "id") === idKey(customerId);
    })
    .map((order) => order.id ?? null);

  if (kind === "customers-data-request") {
    return {
      ...base,
      orders_requested: orderIds,
      customer: customerJson,
      data_request: { id: 9_999_000_000 + shop.orders.length },
      ...overrides,
    };
  }
  return { ...base, customer: customerJson, orders_to_redact: orderIds, ...overrides };
}

export function sendCompliance(
  config: SimulatorConfig,
  sender: WebhookSender,
  shop: ShopState,
  kind: ComplianceKind,
  overrides: JsonObject = {},
  options: DeliveryOptions = {},
): Dispatch {
  return sender.dispatchToUri(
    shop,
    { topic: COMPLIANCE_TOPIC_BY_KIND[kind], payload: compliancePayload(shop, kind, overrides) },
    config.complianceUrl,
    options,
  );
}
