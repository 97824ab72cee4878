import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { screenshotPath } from "./support/constants";
import { createCustomer, newMerchant, sendInvoice } from "./support/merchant";

/** A bank statement that quotes an invoice's structured communication marks it paid. */
function camtStatement(ogmDigits: string, amount: string): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>E2E-${ogmDigits}</MsgId><CreDtTm>2026-11-20T10:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>E2E-${ogmDigits}</Id>
      <CreDtTm>2026-11-20T10:00:00</CreDtTm>
      <Acct><Id><IBAN>BE68539007547034</IBAN></Id><Ccy>EUR</Ccy></Acct>
      <Ntry>
        <NtryRef>1</NtryRef>
        <Amt Ccy="EUR">${amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-20</Dt></BookgDt>
        <NtryDtls><TxDtls>
          <Amt Ccy="EUR">${amount}</Amt>
          <CdtDbtInd>CRDT</CdtDbtInd>
          <RltdPties><Dbtr><Nm>Marie Dupont</Nm></Dbtr></RltdPties>
          <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp><Ref>${ogmDigits}</Ref></CdtrRefInf></Strd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>
    </Stmt>
  </BkToCstmrStmt>
</Document>`);
}

test("importing a bank statement marks the invoice it pays as paid", async ({ page }) => {
  await newMerchant(page, "Fietsen Janssens BV");
  const customerEmail = await createCustomer(page, "Marie Dupont", "payer");

  const invoiceUrl = await sendInvoice(page, {
    customer: "Marie Dupont",
    customerEmail,
    description: "Repair",
    unitPrice: "100.00",
  });
  const ogm = (
    await page
      .getByText(/\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+/)
      .first()
      .innerText()
  ).replace(/\D/g, "");
  expect(ogm).toHaveLength(12);

  await page.goto("/payments");
  await page.getByLabel(/Statement file/).setInputFiles({
    name: "statement.xml",
    mimeType: "application/xml",
    buffer: camtStatement(ogm, "121.00"),
  });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText(/1 paid/)).toBeVisible({ timeout: 20_000 });
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: screenshotPath("en-40-payments.png"), fullPage: true });

  await page.goto(invoiceUrl);
  await expect(page.locator(".page-header")).toContainText("Paid");
});

test("a payment recorded by hand can be undone, and the log says both", async ({ page }) => {
  await newMerchant(page, "Atelier Peeters");
  const customerEmail = await createCustomer(page, "Jan Peeters", "cash");
  await sendInvoice(page, {
    customer: "Jan Peeters",
    customerEmail,
    description: "Frame",
    unitPrice: "50.00",
  });

  await page.getByRole("button", { name: "Mark as paid" }).click();
  await page.getByLabel("Amount received (€)").fill("20.50");
  await page.getByLabel("Received by").selectOption({ label: "Cash" });
  await page.getByRole("button", { name: "Record payment" }).click();
  await expect(page.locator(".page-header")).toContainText("Partly paid");
  const payments = page.locator("dd").filter({ has: page.getByRole("button", { name: /^Undo/ }) });
  await expect(payments).toContainText("€20.50");
  await expect(payments).toContainText("Cash");
  await expect(page.getByText(/Paid €20\.50 \(Cash\)/)).toBeVisible();
  await page.screenshot({ path: screenshotPath("en-41-invoice-payments.png"), fullPage: true });

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Undo €20.50" }).click();
  await expect(page.getByText("Payment undone.")).toBeVisible();
  await expect(page.locator(".page-header")).not.toContainText("Partly paid");
  await expect(page.getByText(/Payment of €20\.50 undone/)).toBeVisible();
  await expect(page.getByText("(undone)")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
