import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { createBankImport, insertNewBankLines } from "@/db/queries/bank";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { listPayments } from "@/db/queries/payments";
import { bankStatementLines } from "@/db/schema";
import { concept, line } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { tenant, type Tenant } from "@/db/tenant";
import { systemClock } from "@/lib/calendar/clock";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { applyBankMatch } from "./apply-bank-match";

let handle: DbHandle;
let t: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
});
afterAll(() => handle.close());

/** 10.00 + 21 % = 12.10 */
async function sentInvoice() {
  const id = await createConcept(
    handle.db,
    t,
    concept({ lines: [line({ unitPriceCents: 1000 })] }),
  );
  return finaliseDocument(handle.db, t, { documentId: id }, systemClock);
}

async function bankLine(
  amountCents: number,
  options: { currency?: string; status?: "suggested" | "unmatched"; invoiceId?: string } = {},
) {
  const importId = await createBankImport(handle.db, t, {
    filename: "statement.xml",
    content: Buffer.from("-"),
  });
  const [row] = await insertNewBankLines(handle.db, t, importId, [
    {
      lineKey: `BE68539007547034:${uniqueSuffix()}:1`,
      bookingDate: "2026-11-20",
      amountCents,
      currency: options.currency ?? "EUR",
      freeText: "payment",
      status: options.status ?? "unmatched",
      invoiceId: options.invoiceId ?? null,
    },
  ]);
  if (!row) throw new Error("no line");
  return row;
}

async function lineRow(id: string) {
  const [row] = await handle.db
    .select()
    .from(bankStatementLines)
    .where(eq(bankStatementLines.id, id));
  return row;
}

const byMerchant = { by: "merchant", rule: "manual" } as const;

describe("applying a bank match", () => {
  it("confirms a suggestion: one payment for the whole line, the line matched, once", async () => {
    const invoice = await sentInvoice();
    const suggested = await bankLine(2000, { status: "suggested", invoiceId: invoice.id });
    const input = { lineId: suggested.id, invoiceId: invoice.id, ...byMerchant };
    const [first, second] = await Promise.all([
      applyBankMatch(handle.db, t, input, systemClock),
      applyBankMatch(handle.db, t, input, systemClock),
    ]);
    expect([first, second].filter((r) => r.ok)).toHaveLength(1);
    expect([first, second].find((r) => !r.ok)).toEqual({ ok: false, reason: "line_taken" });
    expect(await lineRow(suggested.id)).toMatchObject({
      status: "matched",
      invoiceId: invoice.id,
      rule: "manual",
      overpaymentCents: 790,
    });
    const payments = await listPayments(handle.db, t, invoice.id);
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({
      amountCents: 2000,
      method: "bank_transfer",
      paidOn: "2026-11-20",
      sourceKey: `bank:${suggested.lineKey}`,
    });
    expect((await getDocument(handle.db, t, invoice.id))?.document).toMatchObject({
      status: "paid",
      paidCents: 2000,
    });
  });

  it("refuses money in another currency and puts the line back to match", async () => {
    const invoice = await sentInvoice();
    const usd = await bankLine(1210, {
      currency: "USD",
      status: "suggested",
      invoiceId: invoice.id,
    });
    expect(
      await applyBankMatch(
        handle.db,
        t,
        { lineId: usd.id, invoiceId: invoice.id, ...byMerchant },
        systemClock,
      ),
    ).toEqual({ ok: false, reason: "currency_differs" });
    expect(await lineRow(usd.id)).toMatchObject({ status: "unmatched", invoiceId: null });
    expect(await listPayments(handle.db, t, invoice.id)).toEqual([]);
  });

  it("refuses to let the merchant pay an invoice with nothing due, or a concept", async () => {
    const invoice = await sentInvoice();
    const full = await bankLine(1210);
    expect(
      (
        await applyBankMatch(
          handle.db,
          t,
          { lineId: full.id, invoiceId: invoice.id, ...byMerchant },
          systemClock,
        )
      ).ok,
    ).toBe(true);
    const more = await bankLine(1210);
    expect(
      await applyBankMatch(
        handle.db,
        t,
        { lineId: more.id, invoiceId: invoice.id, ...byMerchant },
        systemClock,
      ),
    ).toEqual({ ok: false, reason: "nothing_due" });
    const draft = await createConcept(handle.db, t, concept());
    expect(
      await applyBankMatch(
        handle.db,
        t,
        { lineId: more.id, invoiceId: draft, ...byMerchant },
        systemClock,
      ),
    ).toEqual({ ok: false, reason: "not_payable" });
    expect(await lineRow(more.id)).toMatchObject({ status: "unmatched" });
  });

  it("lets the import record money quoting a paid invoice as an over-payment", async () => {
    const invoice = await sentInvoice();
    for (const amount of [1210, 1210]) {
      const row = await bankLine(amount);
      const result = await applyBankMatch(
        handle.db,
        t,
        { lineId: row.id, invoiceId: invoice.id, by: "import", rule: "structured_communication" },
        systemClock,
      );
      expect(result.ok).toBe(true);
    }
    expect((await getDocument(handle.db, t, invoice.id))?.document).toMatchObject({
      status: "paid",
      paidCents: 2420,
    });
  });

  it("never touches another organisation's line or invoice", async () => {
    const invoice = await sentInvoice();
    const row = await bankLine(1210);
    const other = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    expect(
      await applyBankMatch(
        handle.db,
        other,
        { lineId: row.id, invoiceId: invoice.id, ...byMerchant },
        systemClock,
      ),
    ).toEqual({ ok: false, reason: "line_taken" });
    expect(await lineRow(row.id)).toMatchObject({ status: "unmatched" });
    expect(await listPayments(handle.db, t, invoice.id)).toEqual([]);
  });
});
