import { describe, expect, it } from "vitest";
import { isShopDomain, normaliseShopDomain } from "./shop-domain";

describe("normaliseShopDomain", () => {
  it.each([
    ["my-shop", "my-shop.myshopify.com"],
    ["  My-Shop  ", "my-shop.myshopify.com"],
    ["my-shop.myshopify.com", "my-shop.myshopify.com"],
    ["MY-SHOP.MYSHOPIFY.COM", "my-shop.myshopify.com"],
    ["https://my-shop.myshopify.com/admin", "my-shop.myshopify.com"],
    ["http://my-shop.myshopify.com/", "my-shop.myshopify.com"],
    ["my-shop.myshopify.com/admin/orders?x=1", "my-shop.myshopify.com"],
    ["admin.shopify.com/store/my-shop", "my-shop.myshopify.com"],
    ["https://admin.shopify.com/store/my-shop/orders/123", "my-shop.myshopify.com"],
    ["shop2024", "shop2024.myshopify.com"],
  ])("accepts %j as %s", (input, shop) => {
    expect(normaliseShopDomain(input)).toEqual({ ok: true, shop });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["www.my-shop.be", "custom_domain"],
    ["shop.example.com", "custom_domain"],
    ["https://my-shop.be/collections", "custom_domain"],
    ["my-shop.myshopify.com.evil.test", "invalid"],
    ["my-shop.myshopfy.com", "invalid"],
    ["my-shop.myshopify.co", "invalid"],
    ["x.shopify.com", "invalid"],
    ["myshopify.com", "invalid"],
    ["shop.myshopify.io", "invalid"],
    ["http//my-shop.myshopify.com", "invalid"],
    ["localhost:4099", "invalid"],
    ["evil.test/my-shop.myshopify.com", "invalid"],
    ["javascript:alert(1)", "invalid"],
    ["<script>alert(1)</script>", "invalid"],
    ["-bad.myshopify.com", "invalid"],
    ["my_shop.myshopify.com", "invalid"],
    ["my shop", "invalid"],
    ["user@my-shop.myshopify.com", "invalid"],
    ["admin.shopify.com/store/", "invalid"],
    ["admin.shopify.com/orders", "invalid"],
    ["x".repeat(400), "invalid"],
    ["data:text/html,hi", "invalid"],
    ["my-shop.myshopify.com\\@evil.test", "invalid"],
  ])("refuses %j (%s)", (input, error) => {
    expect(normaliseShopDomain(input)).toEqual({ ok: false, error });
  });

  it("only ever returns hosts that pass Shopify's anchored pattern", () => {
    const samples = ["a", "a-b", "https://A.myshopify.com", "admin.shopify.com/store/z9"];
    for (const sample of samples) {
      const result = normaliseShopDomain(sample);
      if (result.ok) expect(isShopDomain(result.shop)).toBe(true);
    }
  });
});
