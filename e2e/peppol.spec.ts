import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { SHOPIFY_SIMULATOR_URL, screenshotPath } from "./support/constants";
import { newMerchant, openShopifyApp } from "./support/merchant";
import { latestEmail } from "./support/outbox";
import { connectShop, placeOrderOnSimulator } from "./support/shopify-simulator";
import { validateUbl } from "@/lib/peppol/validation/validate-ubl";
import { SHOPIFY_FIXTURES } from "@/test/fixtures";

/**
 * Peppol first for Belgian businesses: the Shopify order of a Belgian company becomes an
 * invoice whose UBL passes the official rules; Send waits for the merchant's registration,
 * which one click on the document makes, and the invoice is then delivered through the
 * access point (the local stand-in, packages/peppol-access-point) and the buyer emailed a
 * PDF marked as a copy; a buyer who is not on the network is shown as such, never
 * silently served the PDF as the invoice.
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

test("a Belgian B2B order's invoice: valid UBL, sent over Peppol once registered, a marked copy by email, a buyer off the network said so", async ({
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
  await expect(page.getByText(/the invoice is the Peppol e-invoice/)).toBeVisible();
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

  // (b) Not registered yet: the invoice waits, and the document asks for the registration.
  const waiting = page.locator("[data-testid=peppol-transmission][data-status=waiting]");
  await expect(async () => {
    await page.reload();
    await expect(waiting).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(waiting).toContainText("Waiting for your registration");
  await page.screenshot({
    path: screenshotPath("en-60-peppol-register-first.png"),
    fullPage: true,
  });
  await page.getByTestId("peppol-register").click();
  const delivered = page.locator("[data-testid=peppol-transmission][data-status=delivered]");
  await expect(async () => {
    await page.reload();
    await expect(delivered).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 40_000 });
  await expect(delivered).toContainText("Delivered to 0208:0403170701");
  // Delivered is final: no button to send it a second time.
  await expect(page.getByRole("button", { name: "Send via Peppol" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("en-61-peppol-delivered.png"), fullPage: true });
  // The buyer was emailed while the invoice waited: a copy, which says it is not the invoice.
  const copy = await latestEmail(page, "annelies.verbeke@example.be", { timeoutMs: 30_000 });
  expect(copy.text).toMatch(/^The attached PDF is a copy, not the legal invoice/);

  await page.goto("/apps/peppol");
  await expect(page.getByTestId("peppol-id")).toContainText("0208:0403170701");
  await expect(page.getByText("Registered on Peppol as 0208:0403170701")).toBeVisible();
  await page.screenshot({ path: screenshotPath("en-62-peppol-app.png"), fullPage: true });

  // (c) A Belgian company that is not on Peppol: the document and the list say so.
  const offNetwork = await placeOffNetworkOrder(request, shop);
  await sendOrderInvoice(page, offNetwork);
  const notFound = page.locator("[data-testid=peppol-transmission][data-status=not_found]");
  await expect(async () => {
    await page.reload();
    await expect(notFound).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(notFound).toContainText("Customer not found on Peppol yet");
  await expect(notFound).toContainText("0208, and by VAT number, 9925");
  await expect(page.getByRole("button", { name: "Look up again now" })).toBeVisible();
  await page.screenshot({ path: screenshotPath("en-63-peppol-not-found.png"), fullPage: true });
  await page.goto("/documents");
  await expect(page.locator("[data-peppol-status=not_found]").first()).toHaveText(
    "Peppol: customer not found yet",
  );
  await expect(page.locator("[data-peppol-status=delivered]").first()).toBeVisible();
});
