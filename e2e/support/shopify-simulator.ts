import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { SHOPIFY_SIMULATOR_URL } from "./constants";

/** The simulator's control API (packages/shopify-simulator/README.md). */
export async function simulatedShop(request: APIRequestContext, shop: string) {
  const response = await request.get(`${SHOPIFY_SIMULATOR_URL}/control/shops/${shop}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as {
    installed: boolean;
    subscriptions: { topic: string; uri: string }[];
  };
}

export async function uninstallOnSimulator(request: APIRequestContext, shop: string) {
  const response = await request.post(`${SHOPIFY_SIMULATOR_URL}/control/shops/${shop}/uninstall`, {
    data: {},
  });
  expect(response.ok()).toBe(true);
}

/** On the simulated Shopify: log in, then Install app (or Cancel) on the consent screen. */
export async function approveOnShopify(
  page: Page,
  options: { decision?: "install" | "cancel"; screenshot?: string } = {},
) {
  await expect(page).toHaveURL(new RegExp(`^${SHOPIFY_SIMULATOR_URL}/shops/`));
  const login = page.getByRole("button", { name: "Log in" });
  if (await login.isVisible()) {
    await page.getByLabel("Email").fill("owner@example.be");
    await page.getByLabel("Password").fill("any password");
    await login.click();
  }
  await expect(
    page
      .getByText("read_orders")
      .or(page.getByText(/orders/i))
      .first(),
  ).toBeVisible();
  if (options.screenshot) await page.screenshot({ path: options.screenshot });
  const button = options.decision === "cancel" ? "Cancel" : "Install app";
  await page.getByRole("button", { name: button }).click();
}

/** Places an order on the simulated shop from a fixture payload; Shopify's webhooks follow. */
export async function placeOrderOnSimulator(
  request: APIRequestContext,
  shop: string,
  fixture: string,
) {
  const response = await request.post(`${SHOPIFY_SIMULATOR_URL}/control/shops/${shop}/orders`, {
    data: { fixture },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { order: { id: number; name: string } }).order;
}

/** Merchant side: Install on the Shopify page, approve, and wait until orders flow. */
export async function connectShop(page: Page, shop: string) {
  await page.locator("#shop").fill(shop);
  await page.locator("form[action='/api/shopify/install'] button[type=submit]").click();
  await approveOnShopify(page);
  await expect(page).toHaveURL(/\/apps\/shopify\?connected=1/);
  // Orders placed before the webhooks are subscribed would never reach Facturo.
  await expect(page.getByTestId("shopify-setup")).toHaveAttribute("data-state", "ready", {
    timeout: 20_000,
  });
}

/**
 * In the simulated Shopify admin of `shop`: Install from the App Store (app not installed)
 * or Open app (installed). Either way Shopify sends the browser to Facturo's App URL with
 * a signed `shop, host, timestamp, hmac`.
 */
export async function openFromShopifyAdmin(
  page: Page,
  shop: string,
  button: "Install from the App Store" | "Open app",
  options: { screenshot?: string } = {},
) {
  await page.goto(`${SHOPIFY_SIMULATOR_URL}/shops/${shop}/admin`);
  if (options.screenshot) await page.screenshot({ path: options.screenshot });
  await page.getByRole("button", { name: button }).click();
}

/** The simulated shop's owner address (what Shopify's `Shop.email` answers). */
export function shopOwnerEmail(shop: string): string {
  return `owner@${shop.replace(/\.myshopify\.com$/, "")}.example`;
}
