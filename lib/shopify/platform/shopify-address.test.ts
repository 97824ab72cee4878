import { describe, expect, it } from "vitest";
import { shopifyAddress } from "./shopify-address";

describe("shopifyAddress", () => {
  const token = "https://my-shop.myshopify.com/admin/oauth/access_token";

  it("leaves real Shopify alone when no API origin is configured", () => {
    expect(shopifyAddress(token, undefined).href).toBe(token);
  });

  it("puts the shop in the path of the configured origin", () => {
    expect(shopifyAddress(token, "http://localhost:3999").href).toBe(
      "http://localhost:3999/shops/my-shop.myshopify.com/admin/oauth/access_token",
    );
  });

  it("keeps the query of the authorize redirect", () => {
    const authorize = "https://my-shop.myshopify.com/admin/oauth/authorize?client_id=a&state=b";
    expect(shopifyAddress(authorize, "http://localhost:3999/").href).toBe(
      "http://localhost:3999/shops/my-shop.myshopify.com/admin/oauth/authorize?client_id=a&state=b",
    );
  });

  it.each([
    "https://example.com/admin/oauth/access_token",
    "https://my-shop.myshopify.com.evil.test/admin",
    "http://my-shop.myshopify.com/admin",
  ])("never rewrites another host (%s)", (url) => {
    expect(shopifyAddress(url, "http://localhost:3999").href).toBe(new URL(url).href);
  });
});
