import type { AdminGraphql } from "../platform/admin-graphql/admin-client";
import { ORDERS_QUERY } from "../platform/admin-graphql/queries";
import {
  graphqlOrderToRest,
  parseShopifyOrder,
  type GraphqlOrderNode,
  type ShopifyOrder,
} from "../order-mapping";

interface OrdersPage {
  orders: {
    nodes: GraphqlOrderNode[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export { adminGraphqlForConnection } from "../platform/admin-graphql/for-connection";

export interface FetchedOrder {
  /** The order in the webhook (REST) shape, as stored and as the mapping reads it. */
  json: unknown;
  order: ShopifyOrder | null;
  problem: string | null;
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
