import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { screenshotPath } from "./support/constants";
import { newMerchant, openShopifyApp } from "./support/merchant";
import { latestEmail } from "./support/outbox";
import { connectShop, placeOrderOnSimulator } from "./support/shopify-simulator";

/**
 * The product's reason to exist: an order placed in the (simulated) shop becomes a
 * concept the merchant reviews and sends; with "Send automatically by email" on,
 * the customer's email leaves without a click. The sync inbox shows both.
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

test("Shopify orders become documents: a concept to review, then sent automatically", async ({
  page,
  request,
}) => {
  await newMerchant(page, "Atelier de Kaai BV");
  await openShopifyApp(page);
  const shop = `kaai-${unique()}.myshopify.com`;
  await connectShop(page, shop);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({
    path: screenshotPath("en-30-shopify-order-settings.png"),
    fullPage: true,
  });

  // Auto-send off (the default): the paid order waits as a concept.
  const first = await placeOrderOnSimulator(request, shop, "eu-be-b2c-21-paid-fr.json");
  await page.goto("/documents");
  const row = page.locator("tr", { hasText: `Shopify ${first.name}` });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(row).toContainText("Louise Dubois");
  await expect(row).toContainText("89.35");
  await page.screenshot({ path: screenshotPath("en-31-shopify-concept-in-list.png") });

  await row.getByRole("link").first().click();
  await expect(page.getByText(/already paid in Shopify/)).toBeVisible();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const email = await latestEmail(page, "louise.dubois@example.be", { timeoutMs: 30_000 });
  expect(email.subject).toMatch(/\d{4}-\d{4}/);
  await page.goto("/outbox");
  await page.getByRole("link", { name: email.subject }).first().click();
  await expect(page.getByText(/Attachments: .*\.pdf/)).toBeVisible();

  // Auto-send on: the next order's email arrives without a click.
  await page.goto("/apps/shopify");
  await page.getByLabel("Send automatically by email").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Order settings saved")).toBeVisible();
  await placeOrderOnSimulator(request, shop, "eu-be-fixed-discount-rounding.json");
  const automatic = await latestEmail(page, "thomas.peeters@example.com", { timeoutMs: 30_000 });
  expect(automatic.subject).toMatch(/\d{4}-\d{4}/);

  await page.goto("/apps/shopify/inbox");
  await expect(page.getByText(first.name).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("en-32-shopify-sync-inbox.png"), fullPage: true });
});
