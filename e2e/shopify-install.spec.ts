import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { BASE_URL, screenshotPath } from "./support/constants";
import { chooseLanguage, newMerchant } from "./support/merchant";
import { latestMagicLink } from "./support/outbox";
import {
  approveOnShopify,
  openFromShopifyAdmin,
  shopOwnerEmail,
  simulatedShop,
  uninstallOnSimulator,
} from "./support/shopify-simulator";

/**
 * The install that starts in Shopify (issue 21): the merchant presses Install in the App
 * Store (the simulator's shop admin) and Shopify opens Facturo's App URL, signed. French:
 * a new visitor gets an account from the shop owner's address and lands on onboarding
 * with the shop connected; opening the app again goes straight to the shop's page; a
 * forged hmac starts nothing. Dutch: a signed-in merchant gets the shop connected; a
 * user of another company sees nothing of it; after signing in, the owner lands on the
 * shop's page; an uninstall shows at once, and installing again reconnects the company.
 */

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

async function expectShopReady(page: Page, connected: RegExp | string) {
  await expect(page.getByText(connected)).toBeVisible();
  await expect(page.getByTestId("shopify-setup")).toHaveAttribute("data-state", "ready", {
    timeout: 20_000,
  });
}

test("a new visitor installs Facturo from the Shopify App Store (fr)", async ({
  page,
  request,
}) => {
  const shop = `atelier-${unique()}.myshopify.com`;
  await page.goto("/login");
  await chooseLanguage(page, "fr");

  await openFromShopifyAdmin(page, shop, "Install from the App Store", {
    screenshot: screenshotPath("fr-29-shopify-store-admin.png"),
  });
  // Facturo starts OAuth at once: the next page is Shopify's, not Facturo's.
  await approveOnShopify(page, { screenshot: screenshotPath("fr-24-shopify-store-consent.png") });

  await expect(page).toHaveURL(/\/shopify\/check-email\?/);
  await expect(
    page.getByRole("heading", { name: `Facturo est installé sur ${shop}` }),
  ).toBeVisible();
  await expect(page.getByText("o•••@")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("fr-25-shopify-store-check-email.png") });

  // The link in the shop owner's mailbox creates the account, with the shop connected.
  await page.goto(await latestMagicLink(page, shopOwnerEmail(shop)));
  await expect(page).toHaveURL(/\/onboarding\/shop$/);
  await expect(page.getByTestId("shop-connected")).toContainText(`${shop} est reliée`);
  const shopName = shop
    .split(".")[0]
    ?.split("-")
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join(" ");
  await expect(page.locator("#legalName")).toHaveValue(shopName ?? "");
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("fr-26-shopify-store-onboarding.png") });
  await page.locator("#vatNumber").fill("BE 0403.170.701");
  await page.locator("#street").fill("Rue Haute 12");
  await page.locator("#postalCode").fill("1000");
  await page.locator("#city").fill("Bruxelles");
  await page.locator("#iban").fill("BE68 5390 0754 7034");
  await page.getByRole("button", { name: "Enregistrer et continuer" }).click();
  await expect(page).toHaveURL(/\/apps\/shopify$/);
  await expectShopReady(page, `Connecté à ${shop}`);
  await page.screenshot({ path: screenshotPath("fr-27-shopify-store-connected.png") });

  // Opened again from the Shopify admin: the shop's page, no second install.
  const before = (await simulatedShop(request, shop)) as { tokenExchangeCount?: number };
  await openFromShopifyAdmin(page, shop, "Open app");
  await expect(page).toHaveURL(/\/apps\/shopify$/);
  await expect(page.getByText(`Connecté à ${shop}`)).toBeVisible();
  const after = (await simulatedShop(request, shop)) as { tokenExchangeCount?: number };
  expect(after.tokenExchangeCount).toBe(before.tokenExchangeCount);

  // Not embedded: every cookie of the journey is first-party; none needs a third-party context.
  const cookies = await page.context().cookies(BASE_URL);
  expect(cookies.length).toBeGreaterThan(0);
  expect(cookies.filter((c) => c.sameSite === "None")).toEqual([]);

  // A forged hmac starts nothing.
  const timestamp = Math.floor(Date.now() / 1000);
  await page.goto(
    `/shopify?hmac=${"0".repeat(64)}&host=YWRtaW4&shop=${shop}&timestamp=${timestamp}`,
  );
  await expect(page).toHaveURL(/\/shopify\/problem\?reason=forged$/);
  await expect(page.locator("p.alert")).toContainText("Ce lien ne vient pas de Shopify");
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("fr-28-shopify-store-forged.png") });
});

test("a signed-in merchant, another company's user, an uninstall and a reinstall (nl)", async ({
  page,
  browser,
  request,
}) => {
  const shop = `fietsen-${unique()}.myshopify.com`;
  const ownerEmail = await newMerchant(page, "Fietsen Peeters BV", "nl");

  // Signed in, no shop yet: installing from the App Store connects it to this company.
  await openFromShopifyAdmin(page, shop, "Install from the App Store");
  await approveOnShopify(page, { screenshot: screenshotPath("nl-24-shopify-store-consent.png") });
  await expect(page).toHaveURL(/\/apps\/shopify\?connected=1/);
  await expectShopReady(page, `Gekoppeld aan ${shop}`);
  await page.screenshot({ path: screenshotPath("nl-25-shopify-store-connected.png") });

  // A user of another company opens the shop's app from Shopify: nothing of it is shown.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await newMerchant(otherPage, "Bakkerij Claes BV", "nl");
  await openFromShopifyAdmin(otherPage, shop, "Open app");
  await expect(otherPage).toHaveURL(/\/shopify\/problem\?reason=not_yours/);
  await expect(otherPage.locator("p.alert")).toContainText("aan geen enkel bedrijf van je");
  await expect(otherPage.locator("body")).not.toContainText("Fietsen Peeters");
  await otherPage.goto("/apps/shopify");
  await expect(otherPage.locator("body")).not.toContainText(shop);
  await expectNoSeriousA11yViolations(otherPage);
  await otherPage.goto(`/shopify/go?shop=${shop}`);
  await expect(otherPage).toHaveURL(/\/shopify\/problem\?reason=not_yours/);
  await otherPage.screenshot({ path: screenshotPath("nl-26-shopify-store-not-yours.png") });
  await other.close();

  // The owner, not signed in in this browser: sign in first, then straight to the shop.
  const fresh = await browser.newContext();
  const freshPage = await fresh.newPage();
  await freshPage.goto("/login");
  await chooseLanguage(freshPage, "nl");
  await openFromShopifyAdmin(freshPage, shop, "Open app");
  await expect(freshPage).toHaveURL(/\/login\?next=/);
  await freshPage.locator("form.form input[type=email]").fill(ownerEmail);
  await freshPage.locator("form.form button[type=submit]").click();
  await expect(freshPage).toHaveURL(/check-email/);
  await freshPage.goto(await latestMagicLink(freshPage, ownerEmail));
  await expect(freshPage).toHaveURL(/\/apps\/shopify$/);
  await expect(freshPage.getByText(`Gekoppeld aan ${shop}`)).toBeVisible();
  await fresh.close();

  // Uninstalled in Shopify: access ends at once and the page says so.
  await uninstallOnSimulator(request, shop);
  await expect
    .poll(
      async () => {
        await page.goto("/apps/shopify");
        return page.getByText(`uit ${shop} verwijderd`).isVisible();
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await page.screenshot({ path: screenshotPath("nl-27-shopify-store-uninstalled.png") });

  // Installed again from the App Store: the same company, connected again.
  await openFromShopifyAdmin(page, shop, "Install from the App Store");
  await approveOnShopify(page);
  await expect(page).toHaveURL(/\/apps\/shopify\?connected=1/);
  await expectShopReady(page, `Gekoppeld aan ${shop}`);
  expect((await simulatedShop(request, shop)).installed).toBe(true);
});
