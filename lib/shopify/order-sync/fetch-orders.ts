import type { Db } from "@/db";
import { markDisconnected } from "@/db/queries/shopify-connections";
import type { Tenant } from "@/db/tenant";
import type { AppConfig } from "@/lib/config/env";
import { adminGraphqlFor, type AdminGraphql } from "../admin-graphql/admin-client";
import { ORDERS_QUERY } from "../admin-graphql/queries";
import { getAdminSession, ShopifyConnectionClosedError } from "../admin-session";
import {
  graphqlOrderToRest,
  parseShopifyOrder,
  type GraphqlOrderNode,
  type ShopifyOrder,
} from "../orders";
import { getShopifyApp, shopifyHttpStatus } from "../shopify-app";

interface OrdersPage {
  orders: {
    nodes: GraphqlOrderNode[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface FetchedOrder {
  /** The order in the webhook (REST) shape, as stored and as the mapping reads it. */
  json: unknown;
  order: ShopifyOrder | null;
  problem: string | null;
}

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

/**
 * Pages through the shop's orders matching a search (`updated_at:>…`, `id:…`),
 * newest changes last, each converted to the webhook shape so one mapping serves
 * webhooks, the import and the reconciliation.
 */
export async function* fetchOrders(
  graphql: AdminGraphql,
  search: string,
  pageSize = 50,
): AsyncGenerator<FetchedOrder[]> {
  let after: string | null = null;
  do {
    const page: OrdersPage = await graphql<OrdersPage>(ORDERS_QUERY, {
      first: pageSize,
      after,
      query: search,
    });
    yield page.orders.nodes.map((node) => {
      const json = graphqlOrderToRest(node);
      const parsed = parseShopifyOrder(json);
      return parsed.ok
        ? { json, order: parsed.value, problem: null }
        : { json, order: null, problem: parsed.error.message };
    });
    after = page.orders.pageInfo.hasNextPage ? page.orders.pageInfo.endCursor : null;
  } while (after);
}

/** One order by id, when a refund arrives for an order Facturo never saw. */
export async function fetchOrderById(
  graphql: AdminGraphql,
  orderId: string,
): Promise<FetchedOrder | null> {
  for await (const page of fetchOrders(graphql, `id:${orderId}`, 5)) {
    const match = page.find((o) => o.order?.id === orderId);
    if (match) return match;
  }
  return null;
}
