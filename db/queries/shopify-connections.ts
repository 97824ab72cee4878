import { and, desc, eq, ne } from "drizzle-orm";
import type { Db } from "../client";
import { isUniqueViolation } from "../errors";
import { shopifyConnections, type ShopifyDisconnectReason } from "../schema";
import type { Tenant } from "../tenant";

export type ShopifyConnection = typeof shopifyConnections.$inferSelect;

/** The organisation's current shop: the connected one, else the most recent. */
export async function getShopifyConnection(db: Db, t: Tenant): Promise<ShopifyConnection | null> {
  const [row] = await db
    .select()
    .from(shopifyConnections)
    .where(t.where(shopifyConnections))
    .orderBy(desc(eq(shopifyConnections.status, "connected")), desc(shopifyConnections.connectedAt))
    .limit(1);
  return row ?? null;
}

export async function getShopifyConnectionById(
  db: Db,
  t: Tenant,
  id: string,
): Promise<ShopifyConnection | null> {
  const [row] = await db
    .select()
    .from(shopifyConnections)
    .where(t.where(shopifyConnections, eq(shopifyConnections.id, id)));
  return row ?? null;
}

/**
 * Which organisation a webhook's shop belongs to. The one query that starts from a
 * shop instead of a tenant: Shopify's signed header is the only identity a webhook
 * has. A connected row wins; otherwise the last organisation that had the shop.
 */
export async function findConnectionForShop(
  db: Db,
  shop: string,
): Promise<Pick<ShopifyConnection, "id" | "organisationId" | "status"> | null> {
  const [row] = await db
    .select({
      id: shopifyConnections.id,
      organisationId: shopifyConnections.organisationId,
      status: shopifyConnections.status,
    })
    .from(shopifyConnections)
    .where(eq(shopifyConnections.shop, shop))
    .orderBy(desc(eq(shopifyConnections.status, "connected")), desc(shopifyConnections.connectedAt))
    .limit(1);
  return row ?? null;
}

export interface InstalledShop {
  shop: string;
  scopes: string;
  sealedTokens: string;
  accessTokenExpiresAt: Date | null;
}

export type SaveInstallResult =
  | { ok: true; connection: ShopifyConnection }
  | { ok: false; reason: "shop_taken" | "other_shop_connected"; shop?: string };

/**
 * Records a completed install (first install or re-install). The partial unique
 * index refuses a shop that another organisation has connected.
 */
export async function saveInstalledShop(
  db: Db,
  t: Tenant,
  installed: InstalledShop,
): Promise<SaveInstallResult> {
  const [other] = await db
    .select({ shop: shopifyConnections.shop })
    .from(shopifyConnections)
    .where(
      t.where(
        shopifyConnections,
        eq(shopifyConnections.status, "connected"),
        ne(shopifyConnections.shop, installed.shop),
      ),
    );
  if (other) return { ok: false, reason: "other_shop_connected", shop: other.shop };

  const fresh = {
    status: "connected" as const,
    disconnectReason: null,
    disconnectedAt: null,
    scopes: installed.scopes,
    sealedTokens: installed.sealedTokens,
    accessTokenExpiresAt: installed.accessTokenExpiresAt,
    webhooksReadyAt: null,
    setupError: null,
    setupFailedAt: null,
    connectedAt: new Date(),
  };
  try {
    const [connection] = await db
      .insert(shopifyConnections)
      .values(t.owned({ shop: installed.shop, ...fresh }))
      .onConflictDoUpdate({
        target: [shopifyConnections.organisationId, shopifyConnections.shop],
        set: fresh,
      })
      .returning();
    if (!connection) throw new Error("Install was not saved");
    return { ok: true, connection };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "shop_taken" };
    throw error;
  }
}

/** Whether another organisation has this shop connected (checked before sending the merchant to Shopify). */
export async function isShopConnectedElsewhere(db: Db, t: Tenant, shop: string): Promise<boolean> {
  const [row] = await db
    .select({ id: shopifyConnections.id })
    .from(shopifyConnections)
    .where(
      and(
        eq(shopifyConnections.shop, shop),
        eq(shopifyConnections.status, "connected"),
        ne(shopifyConnections.organisationId, t.organisationId),
      ),
    );
  return Boolean(row);
}

/**
 * Stops a connection. The token is forgotten at once unless the caller still
 * needs it to remove the webhook subscriptions (a disconnect from Facturo).
 */
export async function markDisconnected(
  db: Db,
  t: Tenant,
  connectionId: string,
  reason: ShopifyDisconnectReason,
  options: { keepTokenForCleanup?: boolean } = {},
): Promise<boolean> {
  const rows = await db
    .update(shopifyConnections)
    .set({
      status: "disconnected",
      disconnectReason: reason,
      disconnectedAt: new Date(),
      ...(options.keepTokenForCleanup ? {} : { sealedTokens: null, accessTokenExpiresAt: null }),
    })
    .where(
      t.where(
        shopifyConnections,
        eq(shopifyConnections.id, connectionId),
        eq(shopifyConnections.status, "connected"),
      ),
    )
    .returning({ id: shopifyConnections.id });
  return rows.length > 0;
}

export async function forgetTokens(db: Db, t: Tenant, connectionId: string): Promise<void> {
  await db
    .update(shopifyConnections)
    .set({ sealedTokens: null, accessTokenExpiresAt: null })
    .where(
      t.where(
        shopifyConnections,
        eq(shopifyConnections.id, connectionId),
        ne(shopifyConnections.status, "connected"),
      ),
    );
}

export async function recordShopSetup(
  db: Db,
  t: Tenant,
  connectionId: string,
  result:
    | { ok: true; shopName: string; shopEmail: string | null; shopCurrency: string | null }
    | { ok: false; error: string; final: boolean },
): Promise<void> {
  await db
    .update(shopifyConnections)
    .set(
      result.ok
        ? {
            shopName: result.shopName,
            shopEmail: result.shopEmail,
            shopCurrency: result.shopCurrency,
            webhooksReadyAt: new Date(),
            setupError: null,
            setupFailedAt: null,
          }
        : { setupError: result.error, ...(result.final ? { setupFailedAt: new Date() } : {}) },
    )
    .where(t.where(shopifyConnections, eq(shopifyConnections.id, connectionId)));
}

/** The order settings; validated by the caller (lib/shopify/order-sync/order-settings.ts). */
export async function saveConnectionSettings(
  db: Db,
  t: Tenant,
  connectionId: string,
  settings: Record<string, unknown>,
): Promise<boolean> {
  const rows = await db
    .update(shopifyConnections)
    .set({ settings })
    .where(t.where(shopifyConnections, eq(shopifyConnections.id, connectionId)))
    .returning({ id: shopifyConnections.id });
  return rows.length > 0;
}
