import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The two signatures Shopify makes with the app's client secret (docs/shopify.md §1.5, §2.5).
 */

/**
 * HMAC of a redirect query (install request, OAuth callback), computed exactly the way
 * `@shopify/shopify-api` checks it: drop `hmac` (and `signature`), sort the keys with
 * `localeCompare`, form-encode with URLSearchParams, HMAC-SHA256, lowercase hex.
 */
export function queryHmac(params: Record<string, string>, secret: string): string {
  const entries = Object.entries(params)
    .filter(([key]) => key !== "hmac" && key !== "signature")
    .sort(([a], [b]) => a.localeCompare(b));
  const message = new URLSearchParams(entries).toString();
  return createHmac("sha256", secret).update(message).digest("hex");
}

/** `X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the exact body bytes. */
export function webhookHmac(rawBody: string | Buffer, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("base64");
}

/** Constant-time comparison of two strings (false when the lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The callback's `host`: base64 of `admin.shopify.com/store/{handle}`, without `=` padding. */
export function hostParam(handle: string): string {
  return Buffer.from(`admin.shopify.com/store/${handle}`).toString("base64").replace(/=+$/, "");
}
