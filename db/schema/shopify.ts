import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { organisationId } from "./tenant-column";
import { organisations } from "./organisations";

export type ShopifyConnectionStatus = "connected" | "disconnected";

/**
 * Why a connection stopped: the merchant disconnected in Facturo, removed the app
 * in Shopify, or Shopify refused to renew the token (the merchant must install again).
 */
export type ShopifyDisconnectReason = "merchant" | "uninstalled" | "reauthorize";

/**
 * One row per (organisation, shop) ever connected. A shop is connected to at most
 * one organisation at a time (partial unique index); history stays for the inbox.
 */
export const shopifyConnections = pgTable(
  "shopify_connection",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    /** Canonical `handle.myshopify.com`, as returned by the verified OAuth callback. */
    shop: text("shop").notNull(),
    status: text("status").$type<ShopifyConnectionStatus>().notNull().default("connected"),
    disconnectReason: text("disconnect_reason").$type<ShopifyDisconnectReason>(),
    scopes: text("scopes").notNull().default(""),
    /** AES-256-GCM sealed JSON of the token pair (lib/shopify/platform/access-token.ts); null once forgotten. */
    sealedTokens: text("sealed_tokens"),
    /** Not secret: lets the refresh happen before expiry without decrypting. */
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    shopName: text("shop_name"),
    shopEmail: text("shop_email"),
    shopCurrency: text("shop_currency"),
    /** Set once the webhook subscriptions are in place; null while setting up. */
    webhooksReadyAt: timestamp("webhooks_ready_at", { withTimezone: true }),
    setupError: text("setup_error"),
    /** Set when the setup job gave up: the page then offers to install again. */
    setupFailedAt: timestamp("setup_failed_at", { withTimezone: true }),
    /** Order settings (document type, trigger, auto-send…), owned by lib/shopify/order-mapping. */
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default({}),
    connectedAt: timestamp("connected_at", { withTimezone: true }).notNull().defaultNow(),
    disconnectedAt: timestamp("disconnected_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("shopify_connection_org_shop").on(t.organisationId, t.shop),
    uniqueIndex("shopify_connection_live_shop")
      .on(t.shop)
      .where(sql`${t.status} = 'connected'`),
  ],
);

export const shopifyDeliveryStatuses = ["received", "processed", "ignored", "failed"] as const;
export type ShopifyDeliveryStatus = (typeof shopifyDeliveryStatuses)[number];

/**
 * Every webhook delivery that passed the HMAC check, stored before it is answered.
 * The organisation is null when the shop is unknown to Facturo: such deliveries are
 * kept (and answered 200) so support can see them, but belong to no merchant.
 */
export const shopifyWebhookDeliveries = pgTable(
  "shopify_webhook_delivery",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "cascade",
    }),
    shop: text("shop").notNull(),
    topic: text("topic").notNull(),
    /** X-Shopify-Webhook-Id: the same for every retry of one delivery. */
    webhookId: text("webhook_id").notNull(),
    eventId: text("event_id"),
    apiVersion: text("api_version"),
    triggeredAt: timestamp("triggered_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    /** The exact bytes Shopify signed; null after a redaction. */
    rawBody: text("raw_body"),
    /** The resource id of the payload (order id, refund id) for search and grouping. */
    resourceId: text("resource_id"),
    status: text("status").$type<ShopifyDeliveryStatus>().notNull().default("received"),
    /** A short code (unknown_shop, duplicate…), translated in the inbox. */
    outcome: text("outcome"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    /** The document this delivery created or changed, for the inbox's link. */
    documentId: uuid("document_id"),
    duplicates: integer("duplicates").notNull().default(0),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("shopify_delivery_webhook_id").on(t.webhookId),
    index("shopify_delivery_org_received").on(t.organisationId, t.receivedAt.desc()),
    index("shopify_delivery_shop").on(t.shop, t.receivedAt.desc()),
    // Which shop an order id belongs to (a signed body re-sent under another shop's name).
    index("shopify_delivery_resource").on(t.resourceId),
  ],
);

export type ShopifyPrivacyTopic = "customers/data_request" | "customers/redact" | "shop/redact";

/** A privacy request from Shopify (GDPR), shown to the merchant with what was done. */
export const shopifyPrivacyRequests = pgTable(
  "shopify_privacy_request",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    shop: text("shop").notNull(),
    topic: text("topic").$type<ShopifyPrivacyTopic>().notNull(),
    deliveryId: uuid("delivery_id").notNull(),
    customerEmail: text("customer_email"),
    shopifyCustomerId: text("shopify_customer_id"),
    orderIds: jsonb("order_ids").$type<string[]>().notNull().default([]),
    /** What Facturo found or changed, e.g. { customers: 1, documents: 3, anonymised: 1 }. */
    summary: jsonb("summary").$type<Record<string, number>>().notNull().default({}),
    completed: boolean("completed").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("shopify_privacy_delivery").on(t.deliveryId),
    index("shopify_privacy_org").on(t.organisationId, t.createdAt.desc()),
  ],
);

/**
 * The latest payload seen of each Shopify order (from any orders/* webhook, the
 * import or the reconciliation): refunds name only their order, and the inbox and
 * Retry need the order as Shopify last described it.
 */
export const shopifyOrders = pgTable(
  "shopify_order",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    shop: text("shop").notNull(),
    orderId: text("order_id").notNull(),
    orderName: text("order_name"),
    /** Shopify's updated_at: an older payload never replaces a newer one. */
    shopifyUpdatedAt: timestamp("shopify_updated_at", { withTimezone: true }),
    payload: text("payload"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("shopify_order_org_shop_order").on(t.organisationId, t.shop, t.orderId),
    index("shopify_order_order_id").on(t.orderId),
  ],
);

export type ShopifyImportStatus = "running" | "done" | "failed";

/** One "import existing orders" run, with its live counters for the progress bar. */
export const shopifyImports = pgTable(
  "shopify_import",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: organisationId(),
    connectionId: uuid("connection_id").notNull(),
    kind: text("kind").$type<"import" | "reconcile">().notNull().default("import"),
    since: timestamp("since", { withTimezone: true }).notNull(),
    status: text("status").$type<ShopifyImportStatus>().notNull().default("running"),
    seen: integer("seen").notNull().default(0),
    created: integer("created").notNull().default(0),
    existing: integer("existing").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    failed: integer("failed").notNull().default(0),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("shopify_import_org").on(t.organisationId, t.startedAt.desc())],
);

/**
 * An install that Shopify approved for a visitor who was not signed in to Facturo (the
 * install started in Shopify, not in Facturo). It belongs to no organisation yet: it is
 * claimed once the visitor proves who they are (the sign-in link sent to the shop
 * owner's address, or a membership of the organisation that last had the shop), then
 * deleted. Its token pair is sealed like a connection's.
 */
export const shopifyPendingInstalls = pgTable(
  "shopify_pending_install",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    shop: text("shop").notNull(),
    scopes: text("scopes").notNull().default(""),
    sealedTokens: text("sealed_tokens").notNull(),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    shopName: text("shop_name").notNull(),
    /** The shop owner's address as Shopify reports it; the sign-in link goes there. */
    shopEmail: text("shop_email").notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("shopify_pending_install_shop").on(t.shop)],
);
