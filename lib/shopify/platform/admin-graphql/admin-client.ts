import type { Session, ShopifyApp } from "../shopify-app";

/** One Admin API GraphQL call; domain code depends on this shape, tests can fake it. */
export type AdminGraphql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * Calls through the library's client (retries on throttling, the fetch hook, the
 * API version). A 401 surfaces as the library's HttpResponseError; GraphQL
 * errors as GraphqlQueryError.
 */
export function adminGraphqlFor(app: ShopifyApp, session: Session): AdminGraphql {
  const client = new app.clients.Graphql({ session });
  return async <T>(query: string, variables?: Record<string, unknown>) => {
    const response = await client.request<T>(query, { variables, retries: 2 });
    if (response.data === undefined) throw new Error("Shopify answered without data");
    return response.data as T;
  };
}
