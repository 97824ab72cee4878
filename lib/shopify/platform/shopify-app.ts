// The only module that imports @shopify/shopify-api. The adapter import must come
// first (it installs the library's fetch), and every import must be ESM from this
// file: mixing in a CJS copy creates a second runtime that ignores our fetch hook.
import "@shopify/shopify-api/adapters/web-api";
import "server-only";
import {
  ApiVersion,
  HttpResponseError,
  InvalidHmacError,
  LogSeverity,
  shopifyApi,
  type Shopify,
} from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import type { AppConfig } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";
import { shopifyAddress } from "./shopify-address";

export {
  BotActivityDetected,
  CookieNotFound,
  GraphqlQueryError,
  HttpRequestError,
  HttpResponseError,
  InvalidHmacError,
  InvalidOAuthError,
  Session,
} from "@shopify/shopify-api";

export type ShopifyApp = Shopify;

/** The API version of the payloads we parse and the GraphQL we send. */
export const SHOPIFY_API_VERSION = ApiVersion.July26;

export class ShopifyNotConfiguredError extends Error {
  constructor() {
    super("SHOPIFY_CLIENT_ID and SHOPIFY_CLIENT_SECRET are not set");
    this.name = "ShopifyNotConfiguredError";
  }
}

// Per module instance, not on globalThis: a bundle must only ever use the library
// copy it imported, or `instanceof` on the library's errors fails across bundles.
let cached: { key: string; app: ShopifyApp } | undefined;
const holder = globalThis as unknown as { facturoShopifyOrigin?: string };

export function isShopifyConfigured(config: AppConfig): boolean {
  return Boolean(config.SHOPIFY_CLIENT_ID && config.SHOPIFY_CLIENT_SECRET);
}

/**
 * The library, configured once per process from the app's configuration. Created
 * lazily so `next build` works without Shopify credentials.
 */
export function getShopifyApp(config: AppConfig): ShopifyApp {
  if (!config.SHOPIFY_CLIENT_ID || !config.SHOPIFY_CLIENT_SECRET) {
    throw new ShopifyNotConfiguredError();
  }
  const appUrl = new URL(config.APP_URL);
  const key = [config.SHOPIFY_CLIENT_ID, config.SHOPIFY_SCOPES, appUrl.origin].join("|");
  holder.facturoShopifyOrigin = config.SHOPIFY_API_ORIGIN;
  if (cached?.key === key) return cached.app;

  routeShopifyCallsThroughConfiguredOrigin();
  const app = shopifyApi({
    apiKey: config.SHOPIFY_CLIENT_ID,
    apiSecretKey: config.SHOPIFY_CLIENT_SECRET,
    scopes: scopesOf(config),
    hostName: appUrl.host,
    hostScheme: appUrl.protocol === "http:" ? "http" : "https",
    apiVersion: SHOPIFY_API_VERSION,
    isEmbeddedApp: false,
    logger: {
      level: LogSeverity.Warning,
      httpRequests: false,
      log: async (severity, message) => {
        logger[severity <= LogSeverity.Error ? "error" : "warn"]({ shopify: true }, message);
      },
    },
  });
  cached = { key, app };
  return app;
}

export function scopesOf(config: AppConfig): string[] {
  return config.SHOPIFY_SCOPES.split(",")
    .map((scope) => scope.trim())
    .filter(Boolean);
}

/** The consent screen's address as the merchant's browser must see it. */
export function browserAddress(location: string, config: AppConfig): string {
  return shopifyAddress(location, config.SHOPIFY_API_ORIGIN).href;
}

/**
 * Whether a query Shopify put on a redirect to us (the App URL, a callback) carries a
 * valid `hmac` made with our client secret and a `timestamp` within the library's
 * tolerance (90 s). A missing, forged or stale signature is false, never an exception.
 */
export async function isSignedByShopify(
  config: AppConfig,
  query: URLSearchParams,
): Promise<boolean> {
  const params: Record<string, string> = {};
  for (const [key, value] of query) {
    // A repeated key cannot be what Shopify signed: refuse rather than pick one.
    if (key in params) return false;
    params[key] = value;
  }
  if (!params.hmac || !params.timestamp) return false;
  try {
    return await getShopifyApp(config).utils.validateHmac(params);
  } catch (error) {
    if (error instanceof InvalidHmacError) return false;
    throw error;
  }
}

let fetchHookInstalled = false;

function routeShopifyCallsThroughConfiguredOrigin(): void {
  if (fetchHookInstalled) return;
  fetchHookInstalled = true;
  setAbstractFetchFunc(async (input, init) => {
    const origin = holder.facturoShopifyOrigin;
    if (!origin) return fetch(input, init);
    if (input instanceof Request) {
      return fetch(new Request(shopifyAddress(input.url, origin), input), init);
    }
    return fetch(shopifyAddress(input, origin), init);
  });
}

/** The HTTP status of a failed Shopify call, or null when it never got an answer. */
export function shopifyHttpStatus(error: unknown): number | null {
  if (!(error instanceof HttpResponseError)) return null;
  const { code } = error.response as { code: unknown };
  return typeof code === "number" ? code : null;
}
