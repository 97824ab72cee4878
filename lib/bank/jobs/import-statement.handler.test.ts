import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import {
  createBankImport,
  getBankImport,
  ignoreUnmatchedBankLine,
  insertNewBankLines,
  listBankLinesToReview,
} from "@/db/queries/bank";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { listPayments } from "@/db/queries/payments";
import { createCustomer } from "@/db/queries/customers";
import { bankStatementLines } from "@/db/schema";
import { concept, line } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { testJobContext } from "@/lib/jobs/testing/test-worker";
import { tenant, type Tenant } from "@/db/tenant";
import { emptyCustomerInput } from "@/lib/customers/customer-schema";
import type { JobContext } from "@/lib/jobs/job-handler";
import { importBankStatementHandler } from "@/lib/bank/jobs/import-statement.handler";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { recordPayment } from "@/lib/payments/record-payment";
import { undoPayment } from "@/lib/payments/undo-payment";
import { systemClock } from "@/lib/calendar/clock";

let handle: DbHandle;
let ctx: JobContext;
let t: Tenant;

/** A camt.053 statement with the given credit entries (amount "12.10", OGM digits or free text). */
function camt(
  statementId: string,
  entries: { amount: string; ogm?: string; text?: string; name?: string }[],
) {
  const entry = (e: (typeof entries)[number], i: number) => `
      <Ntry>
        <NtryRef>${i + 1}</NtryRef>
        <Amt Ccy="EUR">${e.amount}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd>
        <Sts>BOOK</Sts>
        <BookgDt><Dt>2026-11-20</Dt></BookgDt>
        <NtryDtls><TxDtls>
          <Amt Ccy="EUR">${e.amount}</Amt>
          <CdtDbtInd>CRDT</CdtDbtInd>
          <RltdPties><Dbtr><Nm>${e.name ?? "Payer"}</Nm></Dbtr></RltdPties>
          <RmtInf>${
            e.ogm
              ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>BBA</Issr></Tp><Ref>${e.ogm}</Ref></CdtrRefInf></Strd>`
              : `<Ustrd>${e.text ?? ""}</Ustrd>`
          }</RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>`;
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>${statementId}</MsgId><CreDtTm>2026-11-20T10:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${statementId}</Id>
      <CreDtTm>2026-11-20T10:00:00</CreDtTm>
      <Acct><Id><IBAN>BE68539007547034</IBAN></Id><Ccy>EUR</Ccy></Acct>
      ${entries.map(entry).join("")}
    </Stmt>
  </BkToCstmrStmt>
</Document>`);
}

async function issuedInvoice(customerName: string, unitPrice: string) {
  const customerId = await createCustomer(handle.db, t, {
    ...emptyCustomerInput,
    name: customerName,
    deliveryStreet: null,
    deliveryPostalCode: null,
    deliveryCity: null,
    deliveryCountry: null,
  });
  const id = await createConcept(
    handle.db,
    t,
    concept({
      customerId,
      lines: [line({ unitPrice, unitPriceCents: Math.round(Number(unitPrice) * 100) })],
    }),
  );
  return finaliseDocument(handle.db, t, { documentId: id }, systemClock);
}

async function importFile(content: Buffer, statementId: string) {
  const importId = await createBankImport(handle.db, t, {
    filename: `${statementId}.xml`,
    content,
  });
  await importBankStatementHandler.run({ organisationId: t.organisationId, importId }, ctx);
  return getBankImport(handle.db, t, importId);
}

/** The database, except that inserting bank lines fails (a storage failure mid-import). */
function brokenAfterRead(h: DbHandle): DbHandle["db"] {
  return new Proxy(h.db, {
    get(target, property, receiver) {
      if (property === "insert") {
        return (table: unknown) => {
          if (table === bankStatementLines) throw new Error("disk full");
          return target.insert(table as typeof bankStatementLines);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

beforeAll(async () => {
  handle = await openTestDb();
  ctx = testJobContext(handle);
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
});

afterAll(async () => {
  await handle?.close();
});

describe("bank statement import", () => {
  it("pays invoices by structured communication, partially and in full, and only once per line", async () => {
    const invoice = await issuedInvoice("Marie Dupont", "100.00"); // 121.00 with VAT
    const ogm = invoice.structuredCommunication ?? "";
    const file = camt("STMT-1", [
      { amount: "21.00", ogm },
      { amount: "100.00", ogm },
    ]);
    const first = await importFile(file, "STMT-1");
    expect(first).toMatchObject({
      status: "done",
      format: "camt053",
      lines: 2,
      newLines: 2,
      matched: 2,
    });
    expect((await getDocument(handle.db, t, invoice.id))?.document).toMatchObject({
      status: "paid",
      paidCents: 12100,
    });
    const again = await importFile(file, "STMT-1");
    expect(again).toMatchObject({ status: "done", lines: 2, newLines: 0, matched: 0 });
    expect((await getDocument(handle.db, t, invoice.id))?.document.paidCents).toBe(12100);
  });

  it("flags an over-payment and lists what it cannot match for the merchant", async () => {
    const invoice = await issuedInvoice("Jan Peeters", "10.00"); // 12.10
    const result = await importFile(
      camt("STMT-2", [
        { amount: "20.00", ogm: invoice.structuredCommunication ?? "" },
        { amount: "55.55", text: "gift, no reference", name: "Unknown Payer" },
      ]),
      "STMT-2",
    );
    expect(result).toMatchObject({ matched: 1, unmatched: 1 });
    const [over] = await handle.db
      .select()
      .from(bankStatementLines)
      .where(eq(bankStatementLines.invoiceId, invoice.id));
    expect(over).toMatchObject({ status: "matched", overpaymentCents: 790 });
    // The whole transfer counts: the invoice shows the 7.90 too many, to refund.
    expect((await getDocument(handle.db, t, invoice.id))?.document.paidCents).toBe(2000);
    const review = await listBankLinesToReview(handle.db, t);
    expect(review.map((r) => r.line.amountCents)).toContain(5555);
    // Not an invoice payment: the merchant takes it off the list; a matched line stays.
    const gift = review.find((r) => r.line.amountCents === 5555)!;
    expect(await ignoreUnmatchedBankLine(handle.db, t, gift.line.id)).toBe(true);
    expect(await ignoreUnmatchedBankLine(handle.db, t, over!.id)).toBe(false);
    expect((await listBankLinesToReview(handle.db, t)).map((r) => r.line.id)).not.toContain(
      gift.line.id,
    );
  });

  it("matches the lines a crashed attempt stored before it died, when the job is retried", async () => {
    const invoice = await issuedInvoice("Luc Janssens", "50.00"); // 60.50
    const file = camt("STMT-CRASH", [
      { amount: "60.50", ogm: invoice.structuredCommunication ?? "" },
    ]);
    const importId = await createBankImport(handle.db, t, { filename: "crash.xml", content: file });
    // What the first attempt left: the line stored, no payment, the import not finished.
    await insertNewBankLines(handle.db, t, importId, [
      {
        lineKey: "BE68539007547034:STMT-CRASH:1",
        bookingDate: "2026-11-20",
        amountCents: 6050,
        currency: "EUR",
        structuredCommunication: invoice.structuredCommunication,
        status: "unmatched",
      },
    ]);
    await importBankStatementHandler.run({ organisationId: t.organisationId, importId }, ctx);
    expect(await getBankImport(handle.db, t, importId)).toMatchObject({
      status: "done",
      newLines: 1,
      matched: 1,
    });
    expect((await getDocument(handle.db, t, invoice.id))?.document.status).toBe("paid");
  });

  it("records money sent for an invoice already paid as an over-payment on it", async () => {
    const invoice = await issuedInvoice("Bart Claes", "10.00"); // 12.10
    const ogm = invoice.structuredCommunication ?? "";
    await importFile(camt("STMT-PAID-1", [{ amount: "12.10", ogm }]), "STMT-PAID-1");
    const second = await importFile(camt("STMT-PAID-2", [{ amount: "12.10", ogm }]), "STMT-PAID-2");
    expect(second).toMatchObject({ matched: 1, unmatched: 0 });
    expect((await getDocument(handle.db, t, invoice.id))?.document).toMatchObject({
      status: "paid",
      paidCents: 2420,
    });
  });

  it("puts a line back on the Payments page when its payment is undone", async () => {
    const invoice = await issuedInvoice("Els Wouters", "20.00"); // 24.20
    await importFile(
      camt("STMT-UNDO", [{ amount: "24.20", ogm: invoice.structuredCommunication ?? "" }]),
      "STMT-UNDO",
    );
    const [payment] = await listPayments(handle.db, t, invoice.id);
    await undoPayment(handle.db, t, { invoiceId: invoice.id, paymentId: payment!.id }, systemClock);
    const [line] = await handle.db
      .select()
      .from(bankStatementLines)
      .where(eq(bankStatementLines.lineKey, "BE68539007547034:STMT-UNDO:1"));
    expect(line).toMatchObject({ status: "unmatched", invoiceId: null });
    // Matched again, the line records its payment again (its key was freed by the undo).
    const again = await recordPayment(
      handle.db,
      t,
      {
        invoiceId: invoice.id,
        amountCents: 2420,
        method: "bank_transfer",
        paidOn: "2026-11-20",
        sourceKey: `bank:${line!.lineKey}`,
      },
      systemClock,
    );
    expect(again).toMatchObject({ recorded: true, status: "paid" });
  });

  it("ends a poisoned file (150,000 nested tags) as failed at once, with the reason", async () => {
    const depth = 150_000;
    const poisoned = Buffer.from(
      `<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><GrpHdr><MsgId>P</MsgId></GrpHdr><Stmt>${"<Ntry>".repeat(depth)}${"</Ntry>".repeat(depth)}</Stmt></BkToCstmrStmt></Document>`,
    );
    const result = await importFile(poisoned, "poisoned");
    expect(result).toMatchObject({ status: "failed", error: "too_deep" });
  });

  it("marks the import failed on the last attempt when storing fails", async () => {
    const importId = await createBankImport(handle.db, t, {
      filename: "last.xml",
      content: camt("STMT-LAST", [{ amount: "1.00", text: "x" }]),
    });
    const broken = { ...ctx, isLastAttempt: true, db: brokenAfterRead(handle) };
    await expect(
      importBankStatementHandler.run({ organisationId: t.organisationId, importId }, broken),
    ).rejects.toThrow();
    expect(await getBankImport(handle.db, t, importId)).toMatchObject({
      status: "failed",
      error: "import_failed",
    });
  });

  it("keeps a file it cannot read, marked failed with the reason", async () => {
    const result = await importFile(Buffer.from("this is not a bank statement"), "garbage");
    expect(result).toMatchObject({ status: "failed", error: "unknown_format" });
  });
});
