import { Executor, type ExecutionResult, type GqlObject } from "./graphql-executor";
import { parseGraphql } from "./graphql-parser";
import type { JsonObject } from "./json";
import { restOrderToGraphql } from "./rest-order-to-graphql";

/**
 * Helpers for tests that need an installed app without driving a browser: they walk the
 * same HTTP pages a merchant would (log in, Install app) and exchange the code.
 */

export interface InstallOptions {
  origin: string;
  shop: string;
  scopes?: string[];
  clientId?: string;
  clientSecret?: string;
  redirectUri?: string;
  state?: string;
  /** Ask for an expiring offline token (default true, as required for new public apps). */
  expiring?: boolean;
}

export interface InstallResult {
  /** The callback URL Shopify redirected the browser to (signed query). */
  callbackUrl: URL;
  accessToken: string;
  scope: string;
  refreshToken?: string;
  expiresIn?: number;
  refreshTokenExpiresIn?: number;
}

/** Follows the authorize → login → consent pages and returns the callback URL. */
export async function authorizeThroughPages(options: InstallOptions): Promise<URL> {
  const base = `${options.origin}/shops/${options.shop}/admin`;
  const query = new URLSearchParams({
    client_id: options.clientId ?? "facturo-dev",
    scope: (options.scopes ?? ["read_orders"]).join(","),
    redirect_uri: options.redirectUri ?? "http://localhost:3000/api/shopify/callback",
    state: options.state ?? "test-state",
    "grant_options[]": "",
  });
  const authorizePath = `/shops/${options.shop}/admin/oauth/authorize?${query}`;
  const login = await fetch(`${base}/auth/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      email: `owner@${options.shop}`,
      password: "x",
      return_to: authorizePath,
    }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  if (login.status !== 303 || !cookie) throw new Error(`login failed: HTTP ${login.status}`);
  const install = await fetch(`${base}/oauth/install`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams({ ...Object.fromEntries(query), decision: "install" }),
  });
  const location = install.headers.get("location");
  if (install.status !== 302 || !location)
    throw new Error(`install failed: HTTP ${install.status}`);
  return new URL(location);
}

/** Installs the app on a shop and returns the token response. */
export async function installApp(options: InstallOptions): Promise<InstallResult> {
  const callbackUrl = await authorizeThroughPages(options);
  const response = await fetch(`${options.origin}/shops/${options.shop}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      client_id: options.clientId ?? "facturo-dev",
      client_secret: options.clientSecret ?? "facturo-dev-secret",
      code: callbackUrl.searchParams.get("code"),
      expiring: options.expiring === false ? "0" : "1",
    }),
  });
  if (!response.ok) throw new Error(`token exchange failed: HTTP ${response.status}`);
  const body = (await response.json()) as {
    access_token: string;
    scope: string;
    refresh_token?: string;
    expires_in?: number;
    refresh_token_expires_in?: number;
  };
  return {
    callbackUrl,
    accessToken: body.access_token,
    scope: body.scope,
    refreshToken: body.refresh_token,
    expiresIn: body.expires_in,
    refreshTokenExpiresIn: body.refresh_token_expires_in,
  };
}

/** POSTs a GraphQL request to the simulated Admin API. */
export async function adminGraphql(
  origin: string,
  shop: string,
  accessToken: string,
  query: string,
  variables: Record<string, unknown> = {},
  version = "2026-07",
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${origin}/shops/${shop}/admin/api/${version}/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": accessToken },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** POSTs JSON to the control API and returns the parsed answer. */
export async function control<T = unknown>(
  origin: string,
  path: string,
  body?: unknown,
  method = body === undefined ? "GET" : "POST",
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${origin}/control${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/**
 * Answers an Admin API query's `orders` field over REST order payloads, converted as the
 * GraphQL endpoint converts stored orders, without a server or a shop: for tests that run
 * an app's real orders query over many payloads. One page, no search, no 60-day window.
 */
export function answerOrdersQuery(
  query: string,
  orders: JsonObject[],
  variables: Record<string, unknown> = {},
): ExecutionResult {
  const document = parseGraphql(query);
  const operation = document.operations[0];
  if (!operation) throw new Error("The query has no operation");
  const root: GqlObject = {
    __typename: "QueryRoot",
    orders: () => ({
      __typename: "OrderConnection",
      nodes: orders.map(restOrderToGraphql),
      pageInfo: { __typename: "PageInfo", hasNextPage: false, endCursor: null },
    }),
  };
  return new Executor(document, variables).run(root, operation.selections);
}
