import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hostParam, queryHmac, safeEqual, webhookHmac } from "./sign";

describe("queryHmac", () => {
  it("matches Shopify's documented test vector", () => {
    const params = {
      code: "0907a61c0c8d55e99db179b68161bc00",
      shop: "some-shop.myshopify.com",
      timestamp: "1337178173",
    };
    expect(queryHmac(params, "hush")).toBe(
      "4712bf92ffc2917d15a2f5a273e39f0116667419aa4b6ac0b3baaf26fa3c4d20",
    );
  });

  it("sorts keys and ignores an existing hmac (vector with state)", () => {
    const params = {
      timestamp: "1337178173",
      state: "0.6784241404160823",
      hmac: "whatever",
      shop: "some-shop.myshopify.com",
      code: "0907a61c0c8d55e99db179b68161bc00",
    };
    expect(queryHmac(params, "hush")).toBe(
      "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf",
    );
  });

  it("form-encodes values like the library does (space → +)", () => {
    const expected = createHmac("sha256", "s").update("code=some+code&shop=the+shop").digest("hex");
    expect(queryHmac({ shop: "the shop", code: "some code" }, "s")).toBe(expected);
  });
});

describe("webhookHmac", () => {
  it("is the base64 HMAC-SHA256 of the exact bytes", () => {
    const body = '{"id":1,"name":"#1001"}';
    expect(webhookHmac(body, "secret")).toBe(
      createHmac("sha256", "secret").update(body, "utf8").digest("base64"),
    );
    expect(webhookHmac(`${body} `, "secret")).not.toBe(webhookHmac(body, "secret"));
  });
});

describe("hostParam", () => {
  it("is base64 of admin.shopify.com/store/{handle} without padding", () => {
    const host = hostParam("atelier-de-kaai");
    expect(host).not.toMatch(/=/);
    expect(Buffer.from(host, "base64").toString("utf8")).toBe(
      "admin.shopify.com/store/atelier-de-kaai",
    );
  });
});

describe("safeEqual", () => {
  it("compares strings of any length without throwing", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});
