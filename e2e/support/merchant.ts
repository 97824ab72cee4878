import { expect, type Page } from "@playwright/test";
import { asOwnClient } from "./client-address";
import { latestEmail, latestMagicLink } from "./outbox";

export type UiLocale = "en" | "fr" | "nl";

export async function chooseLanguage(page: Page, locale: UiLocale) {
  await page.locator(`.lang-form button[lang=${locale}]`).first().click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** A new merchant, signed in with a magic link, with a company complete enough to invoice. */
export async function newMerchant(page: Page, company: string, locale: UiLocale = "en") {
  const email = `owner-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.be`;
  await asOwnClient(page);
  await page.goto("/login");
  if (locale !== "en") await chooseLanguage(page, locale);
  await page.locator("form.form input[type=email]").fill(email);
  await page.locator("form.form button[type=submit]").click();
  await expect(page).toHaveURL(/check-email/);
  await page.goto(await latestMagicLink(page, email));
  await page.locator("#legalName").fill(company);
  await page.locator("#vatNumber").fill("BE 0403.170.701");
  // Brussels (bilingual): documents keep the language each journey picks; in the
  // Dutch-language region Belgian buyers would get Dutch (Settings → language rule).
  await page.locator("#street").fill("Wetstraat 16");
  await page.locator("#postalCode").fill("1000");
  await page.locator("#city").fill("Brussel");
  await page.locator("#iban").fill("BE68 5390 0754 7034");
  await page.locator("form.form button[type=submit]").click();
  await expect(page).toHaveURL(/\/documents/);
  return email;
}

/** Apps & connections → Activate Shopify → Configure. */
export async function openShopifyApp(page: Page) {
  await page.locator(".user-menu > summary").click();
  await page.locator(".user-menu-panel a[href='/apps']").click();
  const shopify = page.locator("[data-app=shopify]");
  await shopify.locator(".btn-green").click();
  await shopify.locator("a.btn-yellow").click();
  await expect(page).toHaveURL(/\/apps\/shopify$/);
}

/** A customer created through the Customers form (English UI); returns their email address. */
export async function createCustomer(page: Page, name: string, emailPrefix: string) {
  const email = `${emailPrefix}-${Date.now()}@example.be`;
  await page.goto("/customers/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}/);
  return email;
}

/**
 * A one-line invoice for `customer`, sent from its page (numbered and emailed);
 * resolves, once the email is in the outbox, with the invoice's dashboard URL.
 */
export async function sendInvoice(
  page: Page,
  invoice: { customer: string; customerEmail: string; description: string; unitPrice: string },
): Promise<string> {
  await page.goto("/documents/new");
  await page.locator("#customerId").selectOption({ label: invoice.customer });
  await page.locator("#lines-0-description").fill(invoice.description);
  await page.locator("#lines-0-quantity").fill("1");
  await page.locator("#lines-0-unitPrice").fill(invoice.unitPrice);
  await page.getByRole("button", { name: "Save as concept" }).click();
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
  const invoiceUrl = page.url();
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await latestEmail(page, invoice.customerEmail, { timeoutMs: 30_000 });
  await page.goto(invoiceUrl);
  return invoiceUrl;
}
