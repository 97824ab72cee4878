import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { screenshotPath } from "./support/constants";
import { asOwnClient } from "./support/client-address";
import { latestMagicLink } from "./support/outbox";

/**
 * The foundation journey, as a new merchant meets it: sign up with a magic link
 * from the outbox, create the company, fill company settings (a wrong VAT number
 * is refused), activate Shopify in Apps & connections. Every screen is checked for
 * accessibility and photographed in French and Dutch.
 */

async function signIn(page: Page, email: string) {
  await asOwnClient(page);
  await page.goto("/login");
  await page.getByLabel(/email|e-mail/i).fill(email);
  await page.locator("form.form button[type=submit]").click();
  await expect(page).toHaveURL(/\/login\/check-email/);
  await expectNoSeriousA11yViolations(page);
  await page.goto(await latestMagicLink(page, email));
}

async function chooseLanguage(page: Page, locale: "en" | "fr" | "nl") {
  await page.locator(`.lang-form button[lang=${locale}]`).first().click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

for (const locale of ["fr", "nl"] as const) {
  test(`a new merchant signs up, sets up the company and activates Shopify (${locale})`, async ({
    page,
  }) => {
    const email = `merchant-${locale}-${Date.now()}@example.be`;
    await page.goto("/login");
    await chooseLanguage(page, locale);
    await page.screenshot({ path: screenshotPath(`${locale}-01-login.png`) });
    await expectNoSeriousA11yViolations(page);

    await signIn(page, email);
    await expect(page).toHaveURL(/\/onboarding/);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath(`${locale}-02-onboarding.png`) });

    // First run: a wrong VAT number is refused next to its field, in the merchant's language.
    await page
      .locator("#legalName")
      .fill(`Boutique ${locale.toUpperCase()} <script>alert(1)</script> & Co`);
    await page.locator("#vatNumber").fill("BE 0123.456.789");
    await page.locator("form.form button[type=submit]").click();
    const vatError = page.locator("#vatNumber-error");
    await expect(vatError).toBeVisible();
    await expect(vatError).toContainText(
      locale === "fr" ? "chiffres de contrôle" : "controlecijfers",
    );
    await page.screenshot({ path: screenshotPath(`${locale}-03-onboarding-error.png`) });
    await page.locator("#vatNumber").fill("BE 0123.456.749");
    await page.locator("form.form button[type=submit]").click();
    await expect(page).toHaveURL(/\/documents/);
    // Hostile text is shown as text, never run as markup.
    await expect(page.locator(".brand small")).toContainText("<script>alert(1)</script>");
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath(`${locale}-04-documents.png`) });

    // Company settings: the server refuses what the browser would refuse too.
    await page.goto("/settings");
    await page.locator("#vatNumber").fill("BE 0123.456.780");
    await page.locator("#iban").fill("BE68 5390 0754 7034");
    await page.locator("#street").fill("Rue de la Loi 16");
    await page.locator("#postalCode").fill("1000");
    await page.locator("#city").fill("Bruxelles");
    await page.locator("form.form button[type=submit]").last().click();
    await expect(page.locator("#vatNumber-error")).toBeVisible();
    await page.locator("#vatNumber").fill("BE 0403.170.701");
    await page.locator("form.form button[type=submit]").last().click();
    await expect(page.locator("[data-sonner-toast]").first()).toBeVisible();
    await page.reload();
    await expect(page.locator("#iban")).toHaveValue("BE68 5390 0754 7034");
    await expect(page.locator("#vatNumber")).toHaveValue("BE 0403.170.701");
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath(`${locale}-05-settings.png`), fullPage: true });

    // Apps & connections, from the user menu at the top right.
    await page.locator(".user-menu > summary").click();
    await page.locator(".user-menu-panel a[href='/apps']").click();
    await expect(page).toHaveURL(/\/apps$/);
    const shopify = page.locator("[data-app=shopify]");
    await expect(shopify.locator(".btn-yellow")).toHaveCount(0);
    await shopify.locator(".btn-green").click();
    const configure = shopify.locator("a.btn-yellow");
    await expect(configure).toBeVisible();
    await expect(shopify.locator(".btn-link")).toBeVisible(); // Deactivate
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath(`${locale}-06-apps.png`) });
    await configure.click();
    await expect(page).toHaveURL(/\/apps\/shopify$/);
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: screenshotPath(`${locale}-07-shopify.png`) });
  });
}

test("pages need a signed-in merchant", async ({ page }) => {
  for (const path of ["/documents", "/settings", "/apps", "/apps/shopify"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login/);
  }
});

test("the dashboard fits a phone", async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: "nl-BE",
  });
  const page = await context.newPage();
  const email = `phone-${Date.now()}@example.be`;
  await signIn(page, email);
  await page.locator("#legalName").fill("Fietsen Janssens BV");
  await page.locator("form.form button[type=submit]").click();
  await expect(page).toHaveURL(/\/documents/);
  await expect(page.locator("h1")).toHaveText("Documenten");
  // Elements sticking out to the right (outside a strip that scrolls on its own),
  // named so a failure says what to fix.
  const overflowing = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !el.closest(".sidebar"))
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(overflowing).toEqual([]);
  await page.screenshot({ path: screenshotPath("nl-08-phone-documents.png") });
  await context.close();
});
