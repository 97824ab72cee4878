import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { BASE_URL, screenshotPath } from "./support/constants";
import { newMerchant, openShopifyApp } from "./support/merchant";
import { approveOnShopify, simulatedShop, uninstallOnSimulator } from "./support/shopify-simulator";

/**
 * The seed's flow: Apps & connections → Activate Shopify → Configure → shop URL →
 * Install → Shopify's login and consent (the simulator) → back, connected, with the
 * webhooks registered. French: a custom domain is explained, then the shop typed as
 * its admin URL connects. Dutch: a refusal is explained, the retry connects,
 * Disconnect and an uninstall in Shopify both show on the page.
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test("a merchant connects a Shopify shop (fr)", async ({ page, request }) => {
  await newMerchant(page, "Boutique Lumière SRL", "fr");
  await openShopifyApp(page);
  await expect(page.getByRole("button", { name: "Installer" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("fr-20-shopify-install.png") });

  // A custom domain is explained without leaving the page.
  await page.getByLabel("URL de la boutique").fill("www.boutique-lumiere.be");
  await page.getByRole("button", { name: "Installer" }).click();
  await expect(page.locator("#shop-error")).toContainText("Paramètres → Domaines");
  await expect(page).toHaveURL(/\/apps\/shopify$/);
  await page.screenshot({ path: screenshotPath("fr-21-shopify-custom-domain.png") });

  const shop = `lumiere-${unique()}.myshopify.com`;
  await page.getByLabel("URL de la boutique").fill(`https://${shop}/admin`);
  await page.getByRole("button", { name: "Installer" }).click();
  await approveOnShopify(page, { screenshot: screenshotPath("fr-22-shopify-consent.png") });

  await expect(page).toHaveURL(/\/apps\/shopify\?connected=1/);
  await expect(page.getByText(`Connecté à ${shop}`)).toBeVisible();
  await expect(page.getByText("arrivent désormais dans Facturo")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Déconnecter" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("fr-23-shopify-connected.png") });

  const state = await simulatedShop(request, shop);
  expect(state.subscriptions.map((s) => s.topic).sort()).toEqual([
    "APP_UNINSTALLED",
    "ORDERS_CANCELLED",
    "ORDERS_CREATE",
    "ORDERS_FULFILLED",
    "ORDERS_PAID",
    "REFUNDS_CREATE",
  ]);
  expect(new Set(state.subscriptions.map((s) => s.uri))).toEqual(
    new Set([`${BASE_URL}/api/shopify/webhooks`]),
  );
});

test("a refusal, a reconnection, a disconnect and an uninstall (nl)", async ({ page, request }) => {
  await newMerchant(page, "Fietsen Janssens BV", "nl");
  await openShopifyApp(page);
  const handle = `janssens-${unique()}`;
  const shop = `${handle}.myshopify.com`;

  await page.getByLabel("URL van de winkel").fill(`admin.shopify.com/store/${handle}`);
  await page.getByRole("button", { name: "Installeren" }).click();
  await approveOnShopify(page, { decision: "cancel" });
  await expect(page.locator("p.alert")).toContainText("niet goedgekeurd");
  await page.screenshot({ path: screenshotPath("nl-20-shopify-declined.png") });

  await page.getByLabel("URL van de winkel").fill(handle);
  await page.getByRole("button", { name: "Installeren" }).click();
  await approveOnShopify(page, { screenshot: screenshotPath("nl-21-shopify-consent.png") });
  await expect(page.getByText(`Gekoppeld aan ${shop}`)).toBeVisible();
  await expect(page.getByText("komen nu in Facturo binnen")).toBeVisible({ timeout: 20_000 });
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("nl-22-shopify-connected.png") });

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Ontkoppelen" }).click();
  await expect(page.getByText(`Je hebt ${shop} ontkoppeld`)).toBeVisible();
  await expect.poll(async () => (await simulatedShop(request, shop)).subscriptions.length).toBe(0);

  // Connect again, then remove the app in Shopify: the page says what happened.
  await page.getByRole("button", { name: "Installeren" }).click();
  await approveOnShopify(page);
  await expect(page.getByText(`Gekoppeld aan ${shop}`)).toBeVisible();
  await expect(page.getByText("komen nu in Facturo binnen")).toBeVisible({ timeout: 20_000 });
  await uninstallOnSimulator(request, shop);
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByText("werd op").isVisible();
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await expect(page.getByText(`uit ${shop} verwijderd`)).toBeVisible();
  await page.screenshot({ path: screenshotPath("nl-23-shopify-uninstalled.png") });
});
