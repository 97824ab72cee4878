import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { listPayments } from "@/db/queries/payments";
import { concept, line } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { tenant, type Tenant } from "@/db/tenant";
import { systemClock } from "@/lib/calendar/clock";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { PaymentNotFoundError } from "./payment-errors";
import { recordPayment } from "./record-payment";
import { undoPayment } from "./undo-payment";

let handle: DbHandle;
let t: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
});
afterAll(() => handle.close());

/** 2 × 50.00 + 21 % = 121.00 */
async function sentInvoice(unitPriceCents = 5000) {
  const id = await createConcept(
    handle.db,
    t,
    concept({ lines: [line({ quantity: "2", unitPriceCents })] }),
  );
  await finaliseDocument(handle.db, t, { documentId: id }, systemClock);
  return id;
}

const paidOn = "2026-11-29";

describe("undoing a payment", () => {
  it("undoes a payment: status and paid amount go back, the row and the log stay", async () => {
    const id = await sentInvoice();
    await recordPayment(
      handle.db,
      t,
      { invoiceId: id, amountCents: 2100, method: "cash", paidOn },
      systemClock,
    );
    await recordPayment(
      handle.db,
      t,
      { invoiceId: id, amountCents: 10000, method: "manual", paidOn },
      systemClock,
    );
    const [, second] = await listPayments(handle.db, t, id);
    expect(
      await undoPayment(handle.db, t, { invoiceId: id, paymentId: second!.id }, systemClock),
    ).toMatchObject({
      status: "partially_paid",
      paidCents: 2100,
    });
    await expect(
      undoPayment(handle.db, t, { invoiceId: id, paymentId: second!.id }, systemClock),
    ).rejects.toBeInstanceOf(PaymentNotFoundError);
    const detail = await getDocument(handle.db, t, id);
    expect(detail?.document).toMatchObject({ status: "partially_paid", paidCents: 2100 });
    expect(detail?.events.map((e) => e.kind)).toContain("payment_undone");
    const rows = await listPayments(handle.db, t, id);
    expect(rows.map((r) => r.undoneAt !== null)).toEqual([false, true]);
  });

  it("never undoes another organisation's payment", async () => {
    const id = await sentInvoice();
    await recordPayment(
      handle.db,
      t,
      { invoiceId: id, amountCents: 12100, method: "manual", paidOn },
      systemClock,
    );
    const [payment] = await listPayments(handle.db, t, id);
    const other = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    await expect(
      undoPayment(handle.db, other, { invoiceId: id, paymentId: payment!.id }, systemClock),
    ).rejects.toThrow();
    expect((await getDocument(handle.db, t, id))?.document.status).toBe("paid");
  });
});
