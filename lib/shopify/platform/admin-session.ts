import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { markDisconnected } from "@/db/queries/shopify-connections";
import { shopifyConnections } from "@/db/schema";
import type { Tenant } from "@/db/tenant";
import type { AppConfig } from "@/lib/config/env";
import {
  needsRefresh,
  openTokenPair,
  sealTokenPair,
  tokenPairFromSession,
  type TokenPair,
} from "./access-token";
import { getShopifyApp, Session, shopifyHttpStatus } from "./shopify-app";

/** The connection has no usable token: disconnected, uninstalled, or never installed. */
export class ShopifyConnectionClosedError extends Error {
  constructor(public readonly reason: "no_token" | "reauthorize") {
    super(
      reason === "reauthorize"
        ? "Shopify refused to renew the access token; the merchant must install the app again"
        : "This Shopify connection has no access token",
    );
    this.name = "ShopifyConnectionClosedError";
  }
}

export interface ShopifyDeps {
  db: Db;
  config: AppConfig;
  now?: () => Date;
}

// Refreshes already under way in this process: a second caller waits for the first.
const refreshing = new Map<string, Promise<TokenPair>>();

/**
 * A session with a live access token for Admin API calls. The refresh is
 * serialised twice: in-process by the map above, across processes by a row lock
 * taken before re-reading the pair, so only one refresh per shop spends the
 * (single-use) refresh token and every other caller reads the new pair.
 */
export async function getAdminSession(
  deps: ShopifyDeps,
  t: Tenant,
  connectionId: string,
): Promise<Session> {
  const now = deps.now?.() ?? new Date();
  const [row] = await deps.db
    .select({
      shop: shopifyConnections.shop,
      scopes: shopifyConnections.scopes,
      sealed: shopifyConnections.sealedTokens,
    })
    .from(shopifyConnections)
    .where(t.where(shopifyConnections, eq(shopifyConnections.id, connectionId)));
  if (!row?.sealed) throw new ShopifyConnectionClosedError("no_token");

  let pair = openTokenPair(row.sealed, deps.config.ENCRYPTION_KEY);
  if (needsRefresh(pair, now)) {
    let pending = refreshing.get(connectionId);
    if (!pending) {
      pending = refreshUnderLock(deps, t, connectionId, now).finally(() =>
        refreshing.delete(connectionId),
      );
      refreshing.set(connectionId, pending);
    }
    pair = await pending;
  }
  return new Session({
    id: `offline_${row.shop}`,
    shop: row.shop,
    state: "",
    isOnline: false,
    scope: row.scopes,
    accessToken: pair.accessToken,
  });
}

async function refreshUnderLock(
  deps: ShopifyDeps,
  t: Tenant,
  connectionId: string,
  now: Date,
): Promise<TokenPair> {
  const outcome = await deps.db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ shop: shopifyConnections.shop, sealed: shopifyConnections.sealedTokens })
      .from(shopifyConnections)
      .where(t.where(shopifyConnections, eq(shopifyConnections.id, connectionId)))
      .for("update");
    if (!locked?.sealed) return { closed: "no_token" as const };
    const current = openTokenPair(locked.sealed, deps.config.ENCRYPTION_KEY);
    // Another process refreshed while we waited for the lock.
    if (!needsRefresh(current, now) || !current.refreshToken) return { pair: current };

    let fresh: TokenPair;
    try {
      const { session } = await getShopifyApp(deps.config).auth.refreshToken({
        shop: locked.shop,
        refreshToken: current.refreshToken,
      });
      fresh = tokenPairFromSession(session);
    } catch (error) {
      if (shopifyHttpStatus(error) === 400) {
        return { closed: "reauthorize" as const };
      }
      throw error;
    }
    await tx
      .update(shopifyConnections)
      .set({
        sealedTokens: sealTokenPair(fresh, deps.config.ENCRYPTION_KEY),
        accessTokenExpiresAt: fresh.accessTokenExpiresAt
          ? new Date(fresh.accessTokenExpiresAt)
          : null,
      })
      .where(t.where(shopifyConnections, eq(shopifyConnections.id, connectionId)));
    return { pair: fresh };
  });
  if ("pair" in outcome && outcome.pair) return outcome.pair;
  if ("closed" in outcome && outcome.closed === "reauthorize") {
    await markDisconnected(deps.db, t, connectionId, "reauthorize");
  }
  throw new ShopifyConnectionClosedError("closed" in outcome ? outcome.closed : "no_token");
}
