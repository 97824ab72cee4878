import type { Db } from "@/db";
import { markDisconnected } from "@/db/queries/shopify-connections";
import type { Tenant } from "@/db/tenant";
import type { AppConfig } from "@/lib/config/env";
import { getAdminSession, ShopifyConnectionClosedError } from "../admin-session";
import { getShopifyApp, shopifyHttpStatus } from "../shopify-app";
import { adminGraphqlFor, type AdminGraphql } from "./admin-client";

/**
 * Admin API calls for a connection. Shopify answers 401 once the app is removed
 * (the token dies at once, before the app/uninstalled webhook arrives): the
 * connection is then closed here too, and the caller stops.
 */
export async function adminGraphqlForConnection(
  deps: { db: Db; config: AppConfig },
  t: Tenant,
  connectionId: string,
): Promise<AdminGraphql> {
  const session = await getAdminSession(deps, t, connectionId);
  const graphql = adminGraphqlFor(getShopifyApp(deps.config), session);
  return async <T>(query: string, variables?: Record<string, unknown>) => {
    try {
      return await graphql<T>(query, variables);
    } catch (error) {
      if (shopifyHttpStatus(error) !== 401) throw error;
      await markDisconnected(deps.db, t, connectionId, "uninstalled");
      throw new ShopifyConnectionClosedError("no_token");
    }
  };
}
