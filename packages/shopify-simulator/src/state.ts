import type { SimulatorConfig } from "./config";
import { initialResourceId, shopIdForHandle } from "./ids";
import type { JsonObject } from "./json";

/**
 * The whole simulated world, in memory. Nothing is persisted: restarting the simulator (or
 * `POST /control/reset`) is a fresh Shopify, which is what tests want.
 */

/** Shopify's own recommendation for a shop domain, anchored, lower case only. */
export const SHOP_DOMAIN_RE = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export interface Subscription {
  id: number;
  /** GraphQL enum form, e.g. `ORDERS_CREATE`. */
  topic: string;
  uri: string;
  /** Version in the URL of the request that created it; stamped on its deliveries. */
  apiVersion: string;
  createdAt: string;
  updatedAt: string;
  includeFields: string[];
  filter: string | null;
}

export interface DeliveryAttempt {
  number: number;
  startedAt: string;
  durationMs: number;
  /** HTTP status, or null when no response came back (refused, timeout). */
  statusCode: number | null;
  error: string | null;
  ok: boolean;
}

export type DeliveryStatus = "scheduled" | "sending" | "retrying" | "delivered" | "failed";

export interface Delivery {
  id: string;
  shop: string;
  /** Slash form, as in `X-Shopify-Topic`. */
  topic: string;
  uri: string;
  subscriptionId: number | null;
  webhookId: string;
  eventId: string;
  apiVersion: string;
  triggeredAt: string;
  /** Exact bytes that are signed and sent, identical on every attempt. */
  body: string;
  headers: Record<string, string>;
  createdAt: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  /** Set on a duplicate (`twice`) or a redelivery: the delivery it repeats. */
  repeatOf: string | null;
}

export type GraphqlFault = { type: "throttled" } | { type: "http"; status: number };

export interface ShopState {
  domain: string;
  handle: string;
  id: number;
  name: string;
  email: string;
  currency: string;
  countryCode: string;
  createdAt: string;
  installed: boolean;
  scopes: string[];
  installedAt: string | null;
  uninstalledAt: string | null;
  subscriptions: Subscription[];
  /** REST order payloads, in placement order. */
  orders: JsonObject[];
  nextOrderNumber: number;
  tokenExchangeCount: number;
  refreshCount: number;
  graphqlRequestCount: number;
  deliveries: Delivery[];
  /** Consumed one per GraphQL request, first in first out. */
  graphqlFaults: GraphqlFault[];
}

export interface AuthorizationCode {
  code: string;
  shop: string;
  clientId: string;
  scopes: string[];
  online: boolean;
  issuedAtMs: number;
  used: boolean;
}

export interface AccessTokenRecord {
  token: string;
  shop: string;
  scopes: string[];
  issuedAtMs: number;
  /** null = legacy non-expiring offline token. */
  expiresAtMs: number | null;
  revoked: boolean;
  lastUsedAtMs: number | null;
  online: boolean;
  /** Refresh tokens to retire the first time this token is used (rotation, docs/shopify.md §1.8). */
  retiresRefreshTokens: string[];
}

export interface RefreshTokenRecord {
  token: string;
  shop: string;
  scopes: string[];
  issuedAtMs: number;
  expiresAtMs: number;
  revoked: boolean;
}

export interface LoginSession {
  shop: string;
  email: string;
}

export interface SimulatorState {
  shops: Map<string, ShopState>;
  codes: Map<string, AuthorizationCode>;
  accessTokens: Map<string, AccessTokenRecord>;
  refreshTokens: Map<string, RefreshTokenRecord>;
  logins: Map<string, LoginSession>;
  nextSubscriptionId: number;
  nextResourceId: number;
  nextDeliveryId: number;
}

export function createState(): SimulatorState {
  return {
    shops: new Map(),
    codes: new Map(),
    accessTokens: new Map(),
    refreshTokens: new Map(),
    logins: new Map(),
    nextSubscriptionId: 1_000_000_001,
    // Ids keep growing across resets so an app database that outlived a reset never sees
    // the same order id twice.
    nextResourceId: initialResourceId(),
    nextDeliveryId: 1,
  };
}

/** Forget everything except the id counters (see createState). */
export function resetState(state: SimulatorState): void {
  state.shops.clear();
  state.codes.clear();
  state.accessTokens.clear();
  state.refreshTokens.clear();
  state.logins.clear();
}

/** A fresh 13-digit numeric id, unique across the whole simulator. */
export function nextResourceId(state: SimulatorState): number {
  state.nextResourceId += 1;
  return state.nextResourceId;
}

export function isShopDomain(value: string): boolean {
  return SHOP_DOMAIN_RE.test(value);
}

/** "atelier-de-kaai" → "Atelier De Kaai". */
function titleFromHandle(handle: string): string {
  return handle
    .split("-")
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

/** Shops spring into existence on first use, like a freshly created development store. */
export function getOrCreateShop(
  state: SimulatorState,
  domain: string,
  config: SimulatorConfig,
): ShopState {
  const existing = state.shops.get(domain);
  if (existing) return existing;
  const handle = domain.slice(0, -".myshopify.com".length);
  const shop: ShopState = {
    domain,
    handle,
    id: shopIdForHandle(handle),
    name: titleFromHandle(handle),
    email: `owner@${handle}.example`,
    currency: "EUR",
    countryCode: "BE",
    createdAt: config.now().toISOString(),
    installed: false,
    scopes: [],
    installedAt: null,
    uninstalledAt: null,
    subscriptions: [],
    orders: [],
    nextOrderNumber: 1001,
    tokenExchangeCount: 0,
    refreshCount: 0,
    graphqlRequestCount: 0,
    deliveries: [],
    graphqlFaults: [],
  };
  state.shops.set(domain, shop);
  return shop;
}

/** write_X implies read_X, as on Shopify. */
export function hasScope(scopes: readonly string[], scope: string): boolean {
  if (scopes.includes(scope)) return true;
  return scope.startsWith("read_") && scopes.includes(`write_${scope.slice("read_".length)}`);
}

/** The shop as the REST `shop` resource (body of `app/uninstalled`). */
export function shopRestJson(shop: ShopState): JsonObject {
  return {
    id: shop.id,
    name: shop.name,
    email: shop.email,
    domain: shop.domain,
    province: null,
    country: shop.countryCode,
    address1: null,
    zip: null,
    city: null,
    source: null,
    phone: null,
    latitude: null,
    longitude: null,
    primary_locale: "en",
    address2: null,
    created_at: shop.createdAt,
    updated_at: shop.createdAt,
    country_code: shop.countryCode,
    country_name: shop.countryCode === "BE" ? "Belgium" : shop.countryCode,
    currency: shop.currency,
    customer_email: shop.email,
    timezone: "(GMT+01:00) Europe/Brussels",
    iana_timezone: "Europe/Brussels",
    shop_owner: "Shop Owner",
    money_format: "€{{amount_with_comma_separator}}",
    money_with_currency_format: "€{{amount_with_comma_separator}} EUR",
    weight_unit: "kg",
    province_code: null,
    taxes_included: true,
    auto_configure_tax_inclusivity: null,
    tax_shipping: null,
    county_taxes: true,
    plan_display_name: "Development",
    plan_name: "partner_test",
    has_discounts: false,
    has_gift_cards: false,
    myshopify_domain: shop.domain,
    google_apps_domain: null,
    google_apps_login_enabled: null,
    money_in_emails_format: "€{{amount_with_comma_separator}}",
    money_with_currency_in_emails_format: "€{{amount_with_comma_separator}} EUR",
    eligible_for_payments: true,
    requires_extra_payments_agreement: false,
    password_enabled: true,
    has_storefront: true,
    finances: true,
    primary_location_id: null,
    checkout_api_supported: true,
    multi_location_enabled: true,
    setup_required: false,
    pre_launch_enabled: false,
    enabled_presentment_currencies: [shop.currency],
    marketing_sms_consent_enabled_at_checkout: false,
    transactional_sms_disabled: false,
  };
}
