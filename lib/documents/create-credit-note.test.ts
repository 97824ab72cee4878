import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentTransitionError } from "@/lib/documents/document-lifecycle";
import type { DbHandle } from "@/db/client";
import { tenant, type Tenant } from "@/db/tenant";
import { concept, line } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { CreditExceedsInvoiceError, finaliseDocument } from "@/lib/documents/finalise-document";
import { createCreditNote } from "@/lib/documents/create-credit-note";
import { systemClock } from "@/lib/calendar/clock";

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
  await finaliseDocument(handle.db, t, { documentId: id }, systemClock);
  return id;
}

describe("credit notes", () => {
  it("copies the invoice into a credit note concept linked to it", async () => {
    const invoiceId = await sentInvoice();
    const creditId = await createCreditNote(handle.db, t, { invoiceId: invoiceId }, systemClock);
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
    expect(
      (await finaliseDocument(handle.db, t, { documentId: creditId }, systemClock)).number,
    ).toMatch(/^CN\d{4}-\d{4}$/);
  });

  it("a finalised credit note settles its invoice, which cannot be credited twice", async () => {
    const invoiceId = await sentInvoice();
    await finaliseDocument(
      handle.db,
      t,
      { documentId: await createCreditNote(handle.db, t, { invoiceId: invoiceId }, systemClock) },
      systemClock,
    );
    const invoice = await getDocument(handle.db, t, invoiceId);
    expect(invoice?.document).toMatchObject({ status: "paid", paidCents: 12100 });
    await expect(
      createCreditNote(handle.db, t, { invoiceId: invoiceId }, systemClock),
    ).rejects.toBeInstanceOf(DocumentTransitionError);
  });

  it("refuses to credit a concept", async () => {
    const conceptId = await createConcept(handle.db, t, concept());
    await expect(
      createCreditNote(handle.db, t, { invoiceId: conceptId }, systemClock),
    ).rejects.toBeInstanceOf(DocumentTransitionError);
  });

  it("refuses a credit note that would credit more than the invoice's total", async () => {
    const invoiceId = await sentInvoice(); // 121.00
    const first = await createCreditNote(handle.db, t, { invoiceId: invoiceId }, systemClock);
    const second = await createCreditNote(handle.db, t, { invoiceId: invoiceId }, systemClock);
    await finaliseDocument(handle.db, t, { documentId: first }, systemClock);
    await expect(
      finaliseDocument(handle.db, t, { documentId: second }, systemClock),
    ).rejects.toBeInstanceOf(CreditExceedsInvoiceError);
    expect((await getDocument(handle.db, t, second))?.document.status).toBe("concept");
  });
});
