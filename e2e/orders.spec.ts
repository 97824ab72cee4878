import { expect, test, type Page } from "@playwright/test";
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

/**
 * Issue 19: where stock is kept. In French, the merchant hands the stock to Facturo with a
 * starting count file; the next Shopify invoice lowers it. In Dutch, a merchant who gave it
 * to Facturo takes it back to Shopify, and the next invoice moves nothing.
 */
const CUP = "Tasse en grès émaillé – Bleu de Meuse"; // 2 per order of eu-be-b2c-21-paid-fr.json

async function turnOnAutoSend(page: Page, label: string, save: string) {
  await page.getByLabel(label).check();
  await page.getByRole("button", { name: save, exact: true }).click();
}

async function articleRow(page: Page, name: string) {
  await page.goto("/articles?show=shopify");
  return page.locator("tr", { hasText: name });
}

test("stock managed in Facturo from a starting count: a Shopify invoice lowers it (fr)", async ({
  page,
  request,
}) => {
  await newMerchant(page, "Atelier de Kaai BV", "fr");
  await openShopifyApp(page);
  const shop = `stock-fr-${unique()}.myshopify.com`;
  await connectShop(page, shop);
  const section = page.getByTestId("stock-mode");
  await expect(section).toContainText("Le stock est géré dans Shopify.");
  await expect(section).toContainText("Masquez alors les niveaux de stock dans votre boutique");

  // An order before the choice: its articles appear, Facturo keeps no stock for them.
  const before = await placeOrderOnSimulator(request, shop, "eu-be-b2c-21-paid-fr.json");
  await page.goto("/documents");
  await expect(async () => {
    await page.reload();
    await expect(page.locator("tr", { hasText: `Shopify ${before.name}` })).toBeVisible({
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
  await expect(await articleRow(page, CUP)).toContainText("Non suivi");

  await page.goto("/apps/shopify");
  await section.getByLabel(/^Facturo/).check();
  await section.locator("input[type=file]").setInputFiles({
    name: "inventaire.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("SKU;Quantité\nADK-TAS-BLM;10\nADK-ASS-27-BC;4\nINCONNU-1;3\n"),
  });
  await section.getByRole("button", { name: "Gérer le stock dans Facturo" }).click();
  await expect(page.getByText("2 articles comptés.")).toBeVisible();
  await expect(page.getByText(/Pas encore dans vos articles.*INCONNU-1/)).toBeVisible();
  await expect(page.getByTestId("stock-mode-current")).toHaveAttribute("data-mode", "facturo");
  await expect(page.getByTestId("stock-mode-log")).toContainText("Facturo, par owner-");
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("fr-35-stock-in-facturo.png"), fullPage: true });

  await turnOnAutoSend(page, "Envoyer automatiquement par e-mail", "Enregistrer");
  await expect(page.getByText("Paramètres de commande enregistrés")).toBeVisible();
  await placeOrderOnSimulator(request, shop, "eu-be-b2c-21-paid-fr.json");
  await latestEmail(page, "louise.dubois@example.be", { timeoutMs: 30_000 });

  const row = await articleRow(page, CUP);
  await expect(row).toContainText("De Shopify");
  await expect(row.locator("td").last()).toHaveText("8");
  await row.getByRole("link").first().click();
  await expect(page.getByText("Inventaire de départ — depuis un fichier")).toBeVisible();
  await page.getByRole("link", { name: "Factures", exact: true }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await expect(page.locator("tbody tr")).toContainText("-2");
  await page.screenshot({ path: screenshotPath("fr-36-stock-history.png"), fullPage: true });
});

test("stock back to Shopify: the next Shopify invoice moves nothing (nl)", async ({
  page,
  request,
}) => {
  await newMerchant(page, "Atelier de Kaai BV", "nl");
  await openShopifyApp(page);
  const shop = `stock-nl-${unique()}.myshopify.com`;
  await connectShop(page, shop);
  const section = page.getByTestId("stock-mode");
  await expect(section).toContainText("Voorraad wordt beheerd in Shopify.");
  await section.getByLabel(/^Facturo/).check();
  await section.getByRole("button", { name: "Voorraad beheren in Facturo" }).click();
  await expect(page.getByTestId("stock-mode-current")).toHaveAttribute("data-mode", "facturo");
  await turnOnAutoSend(page, "Automatisch per e-mail versturen", "Opslaan");
  await expect(page.getByText("Bestellingsinstellingen opgeslagen")).toBeVisible();

  await placeOrderOnSimulator(request, shop, "eu-be-b2c-21-paid-fr.json");
  await latestEmail(page, "louise.dubois@example.be", { timeoutMs: 30_000 });
  await expect((await articleRow(page, CUP)).locator("td").last()).toContainText("-2");

  await page.goto("/apps/shopify");
  await section.getByLabel(/^Shopify/).check();
  await expect(section).toContainText("Controleer of de voorraadniveaus in Shopify kloppen.");
  await section.getByRole("button", { name: "Voorraad beheren in Shopify" }).click();
  await expect(page.getByTestId("stock-mode-current")).toHaveAttribute("data-mode", "shopify");
  await expect(page.getByTestId("stock-mode-log").locator("li")).toHaveCount(2);
  await page.screenshot({
    path: screenshotPath("nl-35-stock-back-to-shopify.png"),
    fullPage: true,
  });

  await placeOrderOnSimulator(request, shop, "eu-be-b2c-21-paid-fr.json");
  await latestEmail(page, "louise.dubois@example.be", { timeoutMs: 30_000 });
  const row = await articleRow(page, CUP);
  await expect(row.locator("td").last()).toContainText("-2");
  await row.getByRole("link").first().click();
  await expect(page.getByText("Facturo houdt geen voorraad bij voor dit artikel")).toBeVisible();
  await page.getByRole("link", { name: "Facturen", exact: true }).click();
  await expect(page.locator("tbody tr")).toHaveCount(1);
});
