import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BROWSER_USER_AGENT } from "@/e2e/support/constants";
import { seedMerchant, type Merchant } from "./support/seed";
import { APP_URL, FAULTS_SHOPIFY, SIMULATOR_URL, startStack, type Stack } from "./support/stack";
import { recordFaults } from "./support/tally";

/**
 * Shop domains an attacker can put in the install link or in the OAuth callback:
 * path traversal, CRLF, other hosts, look-alikes. The browser may only ever be sent
 * back into the app or to a `<handle>.myshopify.com` consent screen (here the
 * simulator standing in for it): anything else is an open redirect.
 */
let stack: Stack;
let merchant: Merchant;

beforeAll(async () => {
  stack = await startStack("hostile_install", { workers: 0 });
  merchant = await seedMerchant(stack.handle.db, { connectShop: false });
});

afterAll(async () => {
  await stack?.stopAll();
});

const HOSTILE_SHOPS = [
  "evil.com",
  "https://evil.com",
  "//evil.com",
  "evil.com/x.myshopify.com",
  "x.myshopify.com.evil.com",
  "x.myshopify.com@evil.com",
  "x.myshopify.com:443@evil.com",
  "x.myshopify.com#@evil.com",
  "x.myshopify.com\\@evil.com",
  "x.myshopify.com/../../evil.com",
  "../../../etc/passwd",
  "x.myshopify.com\r\nLocation: https://evil.com",
  "x.myshopify.com\r\nSet-Cookie: hijack=1",
  "x.myshopify.com%0d%0aLocation:%20https://evil.com",
  "javascript:alert(document.cookie)",
  "data:text/html,<script>alert(1)</script>",
  "admin.shopify.com/store/../../evil.com",
  "admin.shopify.com/store/x/../../../evil",
  "ｅｖｉｌ.com",
  "evil。com",
  "xn--80ak6aa92e.com",
  "x.myshopify.com\u0000.evil.com",
  "x".repeat(5_000),
  "\u202Eevil.com",
  "'; drop table shopify_connection; --",
  "<script>alert(1)</script>",
];

const simulator = new URL(SIMULATOR_URL);
const CONSENT_PATH = /^\/shops\/[a-z0-9][a-z0-9-]*\.myshopify\.com\/admin\/oauth\/authorize$/;

/** Into the app, or to a myshopify consent screen; nothing else. */
function isSafeLocation(location: string | null): boolean {
  if (!location || /[\r\n]/.test(location)) return false;
  const url = new URL(location, APP_URL);
  if (url.origin === new URL(APP_URL).origin) return true;
  return url.origin === simulator.origin && CONSENT_PATH.test(url.pathname);
}

async function get(pathAndQuery: string, cookie = merchant.cookie) {
  const response = await fetch(`${APP_URL}${pathAndQuery}`, {
    redirect: "manual",
    headers: { cookie, "user-agent": BROWSER_USER_AGENT },
  });
  await response.arrayBuffer();
  return response;
}

/** The callback as Shopify would sign it (hex HMAC of the sorted query), for any shop. */
function signedCallback(shop: string): string {
  const params = new URLSearchParams({
    code: "a-code",
    host: Buffer.from("evil.com/admin").toString("base64"),
    shop,
    state: "0123456789abcdef",
    timestamp: String(Math.floor(Date.now() / 1000)),
  });
  const sorted = new URLSearchParams([...params].sort(([a], [b]) => a.localeCompare(b)));
  const hmac = createHmac("sha256", FAULTS_SHOPIFY.secret).update(sorted.toString()).digest("hex");
  sorted.set("hmac", hmac);
  return sorted.toString();
}

/** Counts the request; an open redirect or an injected header fails its test. */
function record(response: Response) {
  recordFaults("hostile shop domains", {
    tried: 1,
    serverErrors: response.status >= 500 ? 1 : 0,
  });
  expect(response.headers.has("x-injected")).toBe(false);
  return response.headers.get("location");
}

describe("install link", () => {
  it.each(HOSTILE_SHOPS)("install?shop=%j never redirects off the app", async (shop) => {
    const response = await get(`/api/shopify/install?shop=${encodeURIComponent(shop)}`);
    const location = record(response);
    expect(response.status).toBe(302);
    expect(isSafeLocation(location)).toBe(true);
    expect(response.headers.get("set-cookie") ?? "").not.toContain("hijack");
  });

  it("a real shop still goes to its consent screen (the check can pass)", async () => {
    const response = await get(`/api/shopify/install?shop=my-shop.myshopify.com`);
    const location = record(response);
    expect(response.status).toBe(302);
    expect(new URL(location ?? "", APP_URL).pathname).toBe(
      "/shops/my-shop.myshopify.com/admin/oauth/authorize",
    );
  });
});

describe("OAuth callback", () => {
  it.each(HOSTILE_SHOPS)("callback?shop=%j, correctly signed, stays in the app", async (shop) => {
    const response = await get(`/api/shopify/callback?${signedCallback(shop)}`);
    const location = record(response);
    expect(response.status).toBe(302);
    expect(new URL(location ?? "", APP_URL).origin).toBe(new URL(APP_URL).origin);
  });

  it("a callback without a signature, or signed out, stays in the app", async () => {
    for (const [query, cookie] of [
      ["shop=evil.com&code=x&state=y", merchant.cookie],
      [signedCallback("evil.com"), ""],
      ["", merchant.cookie],
    ] as const) {
      const response = await get(`/api/shopify/callback?${query}`, cookie);
      const location = record(response);
      expect(response.status).toBeLessThan(500);
      if (response.status === 302 || response.status === 307) {
        expect(new URL(location ?? "", APP_URL).origin).toBe(new URL(APP_URL).origin);
      }
    }
  });
});

/** The App URL's query as Shopify would sign it (shop, host, timestamp), for any shop. */
function signedAppUrlQuery(shop: string): string {
  const params = new URLSearchParams({
    host: Buffer.from("evil.com/admin").toString("base64"),
    shop,
    timestamp: String(Math.floor(Date.now() / 1000)),
  });
  const sorted = new URLSearchParams([...params].sort(([a], [b]) => a.localeCompare(b)));
  const hmac = createHmac("sha256", FAULTS_SHOPIFY.secret).update(sorted.toString()).digest("hex");
  sorted.set("hmac", hmac);
  return sorted.toString();
}

describe("install started in Shopify (the App URL and its callback)", () => {
  it.each(HOSTILE_SHOPS)(
    "/shopify?shop=%j, correctly signed, never leaves the app",
    async (shop) => {
      for (const cookie of [merchant.cookie, ""]) {
        const response = await get(`/shopify?${signedAppUrlQuery(shop)}`, cookie);
        const location = record(response);
        expect(response.status).toBe(302);
        expect(isSafeLocation(location)).toBe(true);
        expect(new URL(location ?? "", APP_URL).pathname).toBe("/shopify/problem");
      }
    },
  );

  it.each(HOSTILE_SHOPS)(
    "app-callback?shop=%j, correctly signed, stays in the app",
    async (shop) => {
      for (const cookie of [merchant.cookie, ""]) {
        const response = await get(`/api/shopify/app-callback?${signedCallback(shop)}`, cookie);
        const location = record(response);
        expect(response.status).toBe(302);
        expect(new URL(location ?? "", APP_URL).origin).toBe(new URL(APP_URL).origin);
      }
    },
  );

  it("a real shop, signed, goes to its consent screen; unsigned, nowhere", async () => {
    const signed = await get(`/shopify?${signedAppUrlQuery("my-shop.myshopify.com")}`, "");
    expect(new URL(record(signed) ?? "", APP_URL).pathname).toBe(
      "/shops/my-shop.myshopify.com/admin/oauth/authorize",
    );
    const unsigned = await get(`/shopify?shop=my-shop.myshopify.com&timestamp=1&hmac=00`, "");
    expect(new URL(record(unsigned) ?? "", APP_URL).pathname).toBe("/shopify/problem");
  });
});
