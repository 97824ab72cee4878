import { createHmac, randomUUID } from "node:crypto";
import type { Db } from "@/db";
import { saveInstalledShop } from "@/db/queries/shopify-connections";
import type { Tenant } from "@/db/tenant";
import { sealTokenPair } from "../platform/access-token";

/** The app credentials every Shopify test uses (the simulator is started with the same). */
export const TEST_SHOPIFY_ENV = {
  SHOPIFY_CLIENT_ID: "facturo-test",
  SHOPIFY_CLIENT_SECRET: "facturo-test-secret",
  APP_URL: "http://localhost:3000",
} as const;

export { BROWSER_USER_AGENT } from "@/e2e/support/constants";

export interface SignedWebhookOptions {
  topic: string;
  shop: string;
  body: string;
  secret?: string;
  webhookId?: string;
  headers?: Record<string, string | null>;
}

/** A webhook request exactly as Shopify sends it: HMAC of the raw body, base64. */
export function signedWebhookRequest(options: SignedWebhookOptions): Request {
  const secret = options.secret ?? TEST_SHOPIFY_ENV.SHOPIFY_CLIENT_SECRET;
  const headers = new Headers({
    "content-type": "application/json",
    "x-shopify-topic": options.topic,
    "x-shopify-hmac-sha256": createHmac("sha256", secret)
      .update(options.body, "utf8")
      .digest("base64"),
    "x-shopify-shop-domain": options.shop,
    "x-shopify-api-version": "2026-07",
    "x-shopify-webhook-id": options.webhookId ?? randomUUID(),
    "x-shopify-event-id": randomUUID(),
    "x-shopify-triggered-at": new Date().toISOString(),
  });
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return new Request("http://localhost:3000/api/shopify/webhooks", {
    method: "POST",
    headers,
    body: options.body,
  });
}

/** A connected shop with a (fake) token, for tests that do not need the OAuth dance. */
export async function connectTestShop(
  db: Db,
  t: Tenant,
  shop: string,
  encryptionKey: string,
): Promise<string> {
  const saved = await saveInstalledShop(db, t, {
    shop,
    scopes: "read_orders",
    sealedTokens: sealTokenPair(
      {
        accessToken: "shpat_test",
        accessTokenExpiresAt: null,
        refreshToken: null,
        refreshTokenExpiresAt: null,
      },
      encryptionKey,
    ),
    accessTokenExpiresAt: null,
  });
  if (!saved.ok) throw new Error(`Test shop not connected: ${saved.reason}`);
  return saved.connection.id;
}
