import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { BANCONTACT_STAND_IN_URL, MOLLIE_STAND_IN_URL, screenshotPath } from "./support/constants";
import { createCustomer, newMerchant } from "./support/merchant";
import { latestEmail } from "./support/outbox";

/**
 * A merchant takes payments online: Mollie and Bancontact Pro (Payconiq) configured
 * with their keys, an invoice sent, and its customer paying on the invoice page
 * through Mollie's (stand-in) checkout. The webhook marks the invoice paid.
 */

/** Apps & connections → Activate <app> → Configure → API key → Save. */
async function configureApp(page: Page, app: "mollie" | "bancontact", apiKey: string) {
  await page.goto("/apps");
  const row = page.locator(`[data-app=${app}]`);
  await row.locator(".btn-green").click();
  await row.locator("a.btn-yellow").click();
  await expect(page).toHaveURL(new RegExp(`/apps/${app}$`));
  await page.locator("#apiKey").fill(apiKey);
  await page.locator("form.form button[type=submit]").click();
  await expect(page.getByTestId(`${app}-connection`)).toBeVisible();
}

/** A new invoice for Marie Dupont, sent (so finalised); returns its dashboard URL. */
async function sendInvoice(page: Page, description: string) {
  await page.goto("/documents/new");
  await page.locator("#customerId").selectOption({ label: "Marie Dupont" });
  await page.locator("#lines-0-description").fill(description);
  await page.locator("#lines-0-quantity").fill("1");
  await page.locator("#lines-0-unitPrice").fill("100.00");
  await page.getByRole("button", { name: "Save as concept" }).click();
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
  const url = page.url();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  return url;
}

test("a customer pays an invoice online through Mollie; Bancontact's QR code is on the page", async ({
  page,
}) => {
  await newMerchant(page, "Fietsen Janssens BV");

  // A key of the wrong shape is refused before any call to Mollie.
  await page.goto("/apps");
  await page.locator("[data-app=mollie] .btn-green").click();
  await page.locator("[data-app=mollie] a.btn-yellow").click();
  await page.locator("#apiKey").fill("pfl_notAnApiKey");
  await page.locator("form.form button[type=submit]").click();
  await expect(page.locator("#apiKey-error")).toContainText("test_ or live_");

  await page.locator("#apiKey").fill("test_e2eMollieKey0123456789abcdef");
  await page.locator("form.form button[type=submit]").click();
  await expect(page.getByTestId("mollie-connection")).toHaveAttribute("data-mode", "test");
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("en-40-mollie-configured.png"), fullPage: true });
  await configureApp(page, "bancontact", "e2e-bancontact-profile-key");

  const customerEmail = await createCustomer(page, "Marie Dupont", "online");
  const invoiceUrl = await sendInvoice(page, "City bike service");
  const email = await latestEmail(page, customerEmail, { timeoutMs: 30_000 });

  await page.goto(invoiceUrl);
  const customerPage = await page.getByTestId("customer-page-link").innerText();
  // The email's {paymentLink} is the customer's invoice page.
  expect(email.text).toContain(customerPage);

  await page.goto(customerPage);
  await expect(page.getByTestId("invoice-status")).toHaveAttribute("data-status", "to_pay");
  const bancontactQr = page.getByTestId("pay-bancontact").locator("img");
  await expect(bancontactQr).toBeVisible();
  expect(await bancontactQr.getAttribute("data-deeplink")).toMatch(
    new RegExp(`^${BANCONTACT_STAND_IN_URL}/pay/2/\\w+$`),
  );
  // The PDF's stable Bancontact link leads to the same live payment (it never expires itself).
  const stable = await page.request.get(`${customerPage}/pay/bancontact`, { maxRedirects: 0 });
  expect(stable.status()).toBe(303);
  expect(stable.headers().location).toBe(await bancontactQr.getAttribute("data-deeplink"));
  await expect(page.getByTestId("pay-transfer").locator("img")).toBeVisible();
  await expect(page.getByTestId("pay-transfer")).toContainText(/\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+/);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({
    path: screenshotPath("en-41-customer-invoice-page.png"),
    fullPage: true,
  });

  // A refused payment first: back on the page, it says so (no endless "waiting") and
  // the next click makes a fresh payment.
  await page.getByTestId("pay-mollie").locator("a.btn").click();
  await page.getByRole("button", { name: "Failed" }).click();
  await expect(page.getByText(/did not go through/)).toBeVisible({ timeout: 20_000 });

  // Pay online → Mollie's checkout (the stand-in's test page lets the payer choose "Paid").
  await page.getByTestId("pay-mollie").locator("a.btn").click();
  await expect(page).toHaveURL(new RegExp(`^${MOLLIE_STAND_IN_URL}/checkout/tr_`));
  await page.getByRole("button", { name: "Paid" }).click();
  // Back on the invoice page: the webhook's job marks it paid, the page updates by itself.
  await expect(page).toHaveURL(/\/d\/[\w-]+\?return=mollie$/);
  await expect(page.getByTestId("invoice-status")).toHaveAttribute("data-status", "paid", {
    timeout: 20_000,
  });
  await expect(page.getByTestId("pay-mollie")).toHaveCount(0);
  await page.screenshot({
    path: screenshotPath("en-42-customer-invoice-paid.png"),
    fullPage: true,
  });

  await page.goto(invoiceUrl);
  await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();
  await expect(
    page.getByTestId("online-payments").locator("li[data-status=paid]", { hasText: "Mollie" }),
  ).toHaveCount(1);
  await page.screenshot({ path: screenshotPath("en-43-invoice-paid-online.png"), fullPage: true });

  // A second invoice, paid in the Bancontact Pay app (the stand-in's page behind the deep link).
  const secondUrl = await sendInvoice(page, "Winter tyres");
  await latestEmail(page, customerEmail, { timeoutMs: 30_000 });
  await page.goto(secondUrl);
  await page.goto(await page.getByTestId("customer-page-link").innerText());
  await page.getByTestId("pay-bancontact").locator("a.btn").click();
  await expect(page).toHaveURL(new RegExp(`^${BANCONTACT_STAND_IN_URL}/pay/2/`));
  await page.getByRole("button", { name: /^Pay/ }).click();
  await expect(page).toHaveURL(/\/d\/[\w-]+\?return=bancontact$/);
  await expect(page.getByTestId("invoice-status")).toHaveAttribute("data-status", "paid", {
    timeout: 20_000,
  });
  await page.goto(secondUrl);
  await expect(
    page.getByTestId("online-payments").locator("li[data-status=paid]", { hasText: "Payconiq" }),
  ).toHaveCount(1);
});
