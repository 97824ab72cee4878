import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentTransitionError } from "@/lib/documents/document-lifecycle";
import type { DbHandle } from "../client";
import { tenant, type Tenant } from "../tenant";
import { concept, line } from "../testing/document-factory";
import { createOrg, createUser, openTestDb } from "../testing/test-db";
import { createCreditNoteFor } from "./credit-and-pay";
import { recordPayment } from "./payments";
import { createConcept, getDocument } from "./documents";
import { CreditExceedsInvoiceError, finaliseDocument } from "./finalise-document";

let handle: DbHandle;
let t: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
});
afterAll(() => handle.close());

async function sentInvoice() {
  const id = await createConcept(
    handle.db,
    t,
    concept({ lines: [line({ quantity: "2", unitPriceCents: 5000 })] }),
  );
  await finaliseDocument(handle.db, t, id);
  return id;
}

describe("payments", () => {
  it("goes sent → partially paid → paid", async () => {
    const id = await sentInvoice(); // 2 × 50.00 + 21 % = 121.00
    expect(
      await recordPayment(handle.db, t, id, {
        amountCents: 2100,
        method: "manual",
        paidOn: "2026-11-28",
      }),
    ).toMatchObject({
      status: "partially_paid",
      paidCents: 2100,
    });
    expect(
      (
        await recordPayment(handle.db, t, id, {
          amountCents: 10000,
          method: "bank_transfer",
          paidOn: "2026-11-29",
        })
      ).status,
    ).toBe("paid");
    const events = (await getDocument(handle.db, t, id))?.events.map((e) => e.kind);
    expect(events?.filter((k) => k === "paid")).toHaveLength(2);
  });

  it("refuses payments on concepts, on paid invoices and on other types", async () => {
    const conceptId = await createConcept(handle.db, t, concept());
    await expect(
      recordPayment(handle.db, t, conceptId, {
        amountCents: 1,
        method: "manual",
        paidOn: "2026-11-28",
      }),
    ).rejects.toBeInstanceOf(DocumentTransitionError);
    const order = await createConcept(handle.db, t, concept({}, "order_form"));
    await finaliseDocument(handle.db, t, order);
    await expect(
      recordPayment(handle.db, t, order, {
        amountCents: 1,
        method: "manual",
        paidOn: "2026-11-28",
      }),
    ).rejects.toBeInstanceOf(DocumentTransitionError);
    await expect(
      recordPayment(handle.db, t, order, {
        amountCents: 0,
        method: "manual",
        paidOn: "2026-11-28",
      }),
    ).rejects.toBeInstanceOf(RangeError);
  });
});

describe("credit notes", () => {
  it("copies the invoice into a credit note concept linked to it", async () => {
    const invoiceId = await sentInvoice();
    const creditId = await createCreditNoteFor(handle.db, t, invoiceId);
    const credit = await getDocument(handle.db, t, creditId);
    expect(credit?.document).toMatchObject({
      type: "credit_note",
      status: "concept",
      creditedDocumentId: invoiceId,
      totalCents: 12100,
    });
    expect((await getDocument(handle.db, t, invoiceId))?.events.map((e) => e.kind)).toContain(
      "credited",
    );
    expect((await finaliseDocument(handle.db, t, creditId)).number).toMatch(/^CN\d{4}-\d{4}$/);
  });

  it("a finalised credit note settles its invoice, which cannot be credited twice", async () => {
    const invoiceId = await sentInvoice();
    await finaliseDocument(handle.db, t, await createCreditNoteFor(handle.db, t, invoiceId));
    const invoice = await getDocument(handle.db, t, invoiceId);
    expect(invoice?.document).toMatchObject({ status: "paid", paidCents: 12100 });
    await expect(createCreditNoteFor(handle.db, t, invoiceId)).rejects.toBeInstanceOf(
      DocumentTransitionError,
    );
  });

  it("refuses to credit a concept", async () => {
    const conceptId = await createConcept(handle.db, t, concept());
    await expect(createCreditNoteFor(handle.db, t, conceptId)).rejects.toBeInstanceOf(
      DocumentTransitionError,
    );
  });

  it("refuses a credit note that would credit more than the invoice's total", async () => {
    const invoiceId = await sentInvoice(); // 121.00
    const first = await createCreditNoteFor(handle.db, t, invoiceId);
    const second = await createCreditNoteFor(handle.db, t, invoiceId);
    await finaliseDocument(handle.db, t, first);
    await expect(finaliseDocument(handle.db, t, second)).rejects.toBeInstanceOf(
      CreditExceedsInvoiceError,
    );
    expect((await getDocument(handle.db, t, second))?.document.status).toBe("concept");
  });
});
