import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { screenshotPath } from "./support/constants";
import { createCustomer, newMerchant } from "./support/merchant";
import { latestEmail } from "./support/outbox";

/**
 * A merchant invoices by hand: a customer, an invoice, its preview, Send; the customer's
 * email (with the PDF attached) lands in the outbox and the list shows the invoice as
 * sent. The read API then serves it to that merchant's key, and not to anyone else's.
 */

async function createApiKey(page: Page): Promise<string> {
  await page.goto("/settings/api-keys");
  await page.getByLabel("Key name").fill("e2e");
  await page.getByRole("button", { name: "Create key" }).click();
  return (await page.getByTestId("new-api-key").innerText()).trim();
}

test("a merchant creates a customer and an invoice by hand, previews and sends it", async ({
  page,
  browser,
}) => {
  await newMerchant(page, "Fietsen Janssens BV");

  const customerEmail = await createCustomer(page, "Marie Dupont", "client");

  await page.goto("/documents/new");
  await page.locator("#customerId").selectOption({ label: "Marie Dupont" });
  await page.locator("#lines-0-description").fill("Randonneur bicycle");
  await page.locator("#lines-0-quantity").fill("1.5");
  await page.locator("#lines-0-unitPrice").fill("100.00");
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("en-10-new-invoice.png"), fullPage: true });
  await page.getByRole("button", { name: "Save as concept" }).click();
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
  const documentUrl = page.url();
  const documentId = documentUrl.split("/").pop() ?? "";

  // The preview is the real PDF of the concept.
  const preview = await page.request.get(`/api/documents/${documentId}/pdf`);
  expect(preview.headers()["content-type"]).toBe("application/pdf");
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("en-11-concept.png"), fullPage: true });

  await page.getByRole("button", { name: "Send", exact: true }).click();
  const email = await latestEmail(page, customerEmail, { timeoutMs: 30_000 });
  expect(email.subject).toMatch(/invoice \d{4}-\d{4}/i);
  expect(email.text).toContain("+++");
  await page.goto(documentUrl);
  await expect(page.locator("h1")).toContainText(/\d{4}-\d{4}/);

  await page.goto("/outbox");
  await page.getByRole("link", { name: email.subject }).first().click();
  await expect(page.getByText(/Attachments: .*\.pdf/)).toBeVisible();

  await page.goto("/documents");
  const row = page.locator("tr", { hasText: "Marie Dupont" });
  await expect(row).toContainText("Sent");
  await expect(row).toContainText("€");
  await page.screenshot({ path: screenshotPath("en-12-documents-sent.png"), fullPage: true });

  // The merchant's own wording: the editor is reachable and accessible.
  await page.goto("/settings/texts");
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("en-13-texts.png"), fullPage: true });

  // Paid by bank transfer, noticed by the merchant: Mark as paid. Then a correction: Credit.
  await page.goto(documentUrl);
  await page.getByRole("button", { name: "Mark as paid" }).click();
  await expect(page.getByLabel("Amount received (€)")).toHaveValue("181.50");
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.getByText("Paid", { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "Credit" }).click();
  await expect(page).not.toHaveURL(documentUrl);
  await expect(page.locator("h1")).toContainText("Credit note");

  // The read API: this merchant's key sees the invoice with its VAT breakdown…
  const key = await createApiKey(page);
  const api = await page.request.get(`/api/v1/documents/${documentId}`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(api.status()).toBe(200);
  const json = (await api.json()) as {
    total_cents: number;
    vat_breakdown: { rate: string; vat_cents: number }[];
    status: string;
  };
  expect(json).toMatchObject({
    status: "paid",
    total_cents: 18150,
    vat_breakdown: [{ rate: "21", vat_cents: 3150 }],
  });

  // …another merchant's key does not, through any document route.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await newMerchant(other, "Other Shop SRL");
  const otherKey = await createApiKey(other);
  for (const path of [`/api/v1/documents/${documentId}`, `/api/v1/documents/${documentId}/pdf`]) {
    expect(
      (
        await other.request.get(path, { headers: { authorization: `Bearer ${otherKey}` } })
      ).status(),
    ).toBe(404);
  }
  const list = (await (
    await other.request.get("/api/v1/documents", {
      headers: { authorization: `Bearer ${otherKey}` },
    })
  ).json()) as { data: unknown[] };
  expect(list.data).toEqual([]);
  expect((await other.request.get(`/api/documents/${documentId}/pdf`)).status()).toBe(404);
  expect((await other.request.get(`/api/v1/documents`)).status()).toBe(401);
  await otherContext.close();
});
