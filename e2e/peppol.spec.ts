import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { SHOPIFY_SIMULATOR_URL, screenshotPath } from "./support/constants";
import { newMerchant, openShopifyApp } from "./support/merchant";
import { connectShop, placeOrderOnSimulator } from "./support/shopify-simulator";
import { validateUbl } from "@/lib/peppol/validation/validate-ubl";
import { SHOPIFY_FIXTURES } from "@/test/fixtures";

/**
 * Belgian B2B invoices over Peppol: the Shopify order of a Belgian company becomes an
 * invoice whose UBL passes the official rules, the merchant registers on Peppol and
 * sends it to the access point (the local stand-in, packages/peppol-access-point), and a
 * buyer who is not on the network gets it by email instead.
 */

const FIXTURES = SHOPIFY_FIXTURES;
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

/** Waits for the order's concept in the list, opens it and sends it (it gets its number). */
async function sendOrderInvoice(page: Page, orderName: string) {
  await page.goto("/documents");
  const row = page.locator("tr", { hasText: `Shopify ${orderName}` });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole("link").first().click();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByRole("link", { name: "Download UBL (Peppol)" })).toBeVisible({
    timeout: 20_000,
  });
}

/** The B2B fixture, as another Belgian company that is not on the Peppol network. */
async function placeOffNetworkOrder(request: APIRequestContext, shop: string) {
  const order = JSON.parse(
    readFileSync(path.join(FIXTURES, "orders", "eu-be-b2b-vat-number-en.json"), "utf8"),
  ) as Record<string, unknown> & {
    customer: Record<string, unknown>;
    note_attributes: { name: string; value: string }[];
  };
  const email = `boekhouding-${unique()}@example.be`;
  order.email = email;
  order.customer = { ...order.customer, id: 7119280076999, email };
  order.note_attributes = [{ name: "vat_number", value: "BE0202239951" }];
  const response = await request.post(`${SHOPIFY_SIMULATOR_URL}/control/shops/${shop}/orders`, {
    data: { order },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { order: { name: string } }).order.name;
}

test("a Belgian B2B order's invoice: valid UBL, delivered over Peppol, email when off the network", async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  await newMerchant(page, "Atelier Peppol BV");
  await openShopifyApp(page);
  const shop = `peppol-${unique()}.myshopify.com`;
  await connectShop(page, shop);

  // (a) The order becomes an invoice; its UBL is a Peppol BIS invoice to the buyer's 0208 id.
  const order = await placeOrderOnSimulator(request, shop, "eu-be-b2b-vat-number-en.json");
  await sendOrderInvoice(page, order.name);
  const invoiceUrl = page.url();
  await expect(page.getByText(/must reach them over Peppol/)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download UBL (Peppol)" }).click(),
  ]);
  const xml = readFileSync(await download.path(), "utf8");
  expect(xml).toMatch(/<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/);
  const buyer = /<cac:AccountingCustomerParty>[\s\S]*?<\/cac:AccountingCustomerParty>/.exec(
    xml,
  )?.[0];
  expect(buyer).toContain('<cbc:EndpointID schemeID="0208">0403170701</cbc:EndpointID>');
  expect(xml).toContain(`<cbc:BuyerReference>${order.name}</cbc:BuyerReference>`);
  const file = testInfo.outputPath("b2b-invoice.xml");
  writeFileSync(file, xml);
  // The official UBL schema, CEN EN 16931 and Peppol BIS rules (lib/peppol/validation).
  expect((await validateUbl(xml)).failures).toEqual([]);

  // (b) The Peppol app: the merchant's Peppol ID, registration, then Send via Peppol.
  await page.goto("/apps");
  const peppol = page.locator("[data-app=peppol]");
  await peppol.locator(".btn-green").click();
  await peppol.locator("a.btn-yellow").click();
  await expect(page).toHaveURL(/\/apps\/peppol$/);
  await expect(page.getByTestId("peppol-id")).toContainText("0208:0403170701");
  await page.getByRole("button", { name: "Register on Peppol" }).click();
  await expect(page.getByText("Registered on Peppol as 0208:0403170701")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("en-60-peppol-app.png"), fullPage: true });

  await page.goto(invoiceUrl);
  await page.getByRole("button", { name: "Send via Peppol" }).click();
  const delivered = page.locator("[data-testid=peppol-transmission][data-status=delivered]");
  await expect(delivered).toBeVisible({ timeout: 30_000 });
  await expect(delivered).toContainText("Delivered to 0208:0403170701");
  // Delivered is final: no button to send it a second time.
  await expect(page.getByRole("button", { name: "Send via Peppol" })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath("en-61-peppol-delivered.png"), fullPage: true });

  // (c) A Belgian company that is not on Peppol: the invoice goes by email instead.
  const offNetwork = await placeOffNetworkOrder(request, shop);
  await sendOrderInvoice(page, offNetwork);
  await page.getByRole("button", { name: "Send via Peppol" }).click();
  const fallback = page.locator("[data-testid=peppol-transmission]").first();
  await expect(fallback).toContainText("Email instead of Peppol: Sent by email", {
    timeout: 30_000,
  });
  await expect(fallback).toContainText("The customer is not on Peppol: the invoice went by email.");
});
