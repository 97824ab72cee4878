import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startShopifySimulator, type RunningSimulator } from "./server";
import { hostParam, queryHmac } from "./sign";

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startShopifySimulator({
    port: 0,
    clientSecret: "app-url-secret",
    applicationUrl: "http://localhost:3000/shopify",
  });
});

afterAll(() => sim?.close());

describe("Install from the App Store / Open app", () => {
  it("sends the browser to the App URL with shop, host, timestamp and an hmac of them", async () => {
    const shop = "app-url-shop.myshopify.com";
    for (const path of ["app-store/install", "apps/open"]) {
      const response = await fetch(`${sim.origin}/shops/${shop}/admin/${path}`, {
        redirect: "manual",
      });
      expect(response.status).toBe(302);
      const url = new URL(response.headers.get("location") ?? "");
      expect(`${url.origin}${url.pathname}`).toBe("http://localhost:3000/shopify");
      const params = Object.fromEntries(url.searchParams);
      expect(Object.keys(params).sort()).toEqual(["hmac", "host", "shop", "timestamp"]);
      expect(params).toMatchObject({ shop, host: hostParam("app-url-shop") });
      expect(Math.abs(Number(params.timestamp) - Date.now() / 1000)).toBeLessThan(5);
      expect(params.hmac).toBe(queryHmac(params, "app-url-secret"));
    }
  });

  it("offers Install from the App Store until the app is installed, then Open app", async () => {
    const shop = "app-url-button.myshopify.com";
    const page = async () => (await fetch(`${sim.origin}/shops/${shop}/admin`)).text();
    expect(await page()).toContain("Install from the App Store");
    sim.simulator.install(sim.simulator.shop(shop), ["read_orders"]);
    const installed = await page();
    expect(installed).toContain("Open app");
    expect(installed).not.toContain("Install from the App Store");
  });
});
