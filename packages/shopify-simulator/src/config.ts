import path from "node:path";

/**
 * Everything the simulator can be told, resolved once at start-up. `main.ts` reads the
 * environment; tests pass options directly to `startShopifySimulator`.
 */
export interface SimulatorConfig {
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Interface to listen on. Loopback by default: the control API has no authentication. */
  host: string;
  clientId: string;
  clientSecret: string;
  appName: string;
  /** Lifetime of expiring offline access tokens (Shopify: 60 minutes). */
  tokenTtlSeconds: number;
  /** Lifetime of refresh tokens (Shopify: 90 days). */
  refreshTokenTtlSeconds: number;
  /** An authorization code must be exchanged within this many seconds. */
  codeTtlSeconds: number;
  /** How many times a failed delivery is retried (Shopify: 8). */
  retries: number;
  /** Delay before retry n (index n-1); the last value repeats when the list is short. */
  retryDelaysMs: number[];
  /** A delivery that has not answered within this time counts as failed (Shopify: 5 s). */
  webhookTimeoutMs: number;
  /**
   * The app's App URL (`application_url`): where "Install from the App Store" and
   * "Open app" in the shop admin send the merchant, with a signed query.
   */
  applicationUrl: string;
  /** Where compliance webhooks go: configuration in the Partner dashboard, not an API call. */
  complianceUrl: string;
  /** API version stamped on deliveries that have no subscription (compliance topics). */
  defaultApiVersion: string;
  /** Optional allow-list of redirect URIs (Partner dashboard "Allowed redirection URLs"). */
  allowedRedirectUrls: string[] | null;
  /**
   * Directory with `orders/*.json` payload fixtures, given by whoever starts the simulator
   * (Facturo's launcher passes the repository's test/fixtures/shopify). None: no fixtures
   * to place orders from; orders can still be posted whole (`{ order: {...} }`).
   */
  fixturesDir: string | null;
  /** Clock; tests replace it to move "now" (60-day window, code expiry). */
  now: () => Date;
  /** One line per notable event (webhook attempts, installs); silent by default. */
  log: (line: string) => void;
}

export type SimulatorOptions = Partial<SimulatorConfig>;

export const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000];

export function resolveConfig(options: SimulatorOptions = {}): SimulatorConfig {
  const appUrl = "http://localhost:3000";
  return {
    port: 3999,
    host: "127.0.0.1",
    clientId: "facturo-dev",
    clientSecret: "facturo-dev-secret",
    appName: "Facturo",
    tokenTtlSeconds: 3600,
    refreshTokenTtlSeconds: 90 * 24 * 3600,
    codeTtlSeconds: 600,
    retries: 8,
    retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
    webhookTimeoutMs: 5000,
    applicationUrl: `${appUrl}/shopify`,
    complianceUrl: `${appUrl}/api/shopify/webhooks`,
    defaultApiVersion: "2026-07",
    allowedRedirectUrls: null,
    fixturesDir: null,
    now: () => new Date(),
    log: () => undefined,
    ...stripUndefined(options),
  };
}

/** Options from `SHOPIFY_*` environment variables (only those that are set). */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): SimulatorOptions {
  const appUrl = env.SHOPIFY_SIMULATOR_APP_URL ?? "http://localhost:3000";
  return stripUndefined({
    port: intOrUndefined(env.SHOPIFY_SIMULATOR_PORT, "SHOPIFY_SIMULATOR_PORT"),
    host: env.SHOPIFY_SIMULATOR_HOST,
    clientId: env.SHOPIFY_CLIENT_ID,
    clientSecret: env.SHOPIFY_CLIENT_SECRET,
    appName: env.SHOPIFY_SIMULATOR_APP_NAME,
    tokenTtlSeconds: intOrUndefined(
      env.SHOPIFY_SIMULATOR_TOKEN_TTL_SECONDS,
      "SHOPIFY_SIMULATOR_TOKEN_TTL_SECONDS",
    ),
    refreshTokenTtlSeconds: intOrUndefined(
      env.SHOPIFY_SIMULATOR_REFRESH_TOKEN_TTL_SECONDS,
      "SHOPIFY_SIMULATOR_REFRESH_TOKEN_TTL_SECONDS",
    ),
    retries: intOrUndefined(env.SHOPIFY_SIMULATOR_RETRIES, "SHOPIFY_SIMULATOR_RETRIES"),
    retryDelaysMs: env.SHOPIFY_SIMULATOR_RETRY_DELAYS_MS
      ? env.SHOPIFY_SIMULATOR_RETRY_DELAYS_MS.split(",").map((part) =>
          parseNonNegativeInt(part.trim(), "SHOPIFY_SIMULATOR_RETRY_DELAYS_MS"),
        )
      : undefined,
    webhookTimeoutMs: intOrUndefined(
      env.SHOPIFY_SIMULATOR_WEBHOOK_TIMEOUT_MS,
      "SHOPIFY_SIMULATOR_WEBHOOK_TIMEOUT_MS",
    ),
    applicationUrl: env.SHOPIFY_SIMULATOR_APPLICATION_URL ?? `${appUrl}/shopify`,
    complianceUrl: env.SHOPIFY_SIMULATOR_COMPLIANCE_URL ?? `${appUrl}/api/shopify/webhooks`,
    defaultApiVersion: env.SHOPIFY_SIMULATOR_API_VERSION,
    allowedRedirectUrls: env.SHOPIFY_SIMULATOR_REDIRECT_URLS
      ? env.SHOPIFY_SIMULATOR_REDIRECT_URLS.split(",")
          .map((url) => url.trim())
          .filter(Boolean)
      : undefined,
    fixturesDir: env.SHOPIFY_SIMULATOR_FIXTURES_DIR
      ? path.resolve(env.SHOPIFY_SIMULATOR_FIXTURES_DIR)
      : undefined,
  });
}

function intOrUndefined(value: string | undefined, name: string): number | undefined {
  return value === undefined || value === "" ? undefined : parseNonNegativeInt(value, name);
}

function parseNonNegativeInt(value: string, name: string): number {
  if (!/^\d+$/.test(value))
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
