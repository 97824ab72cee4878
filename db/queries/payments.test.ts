import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentTransitionError } from "@/lib/documents/document-lifecycle";
import type { DbHandle } from "../client";
import { tenant, type Tenant } from "../tenant";
import { concept, line } from "../testing/document-factory";
import { createOrg, createUser, openTestDb } from "../testing/test-db";
import { createConcept, getDocument } from "./documents";
import { finaliseDocument } from "./finalise-document";
import { eq } from "drizzle-orm";
import { documents } from "../schema";
import {
  listPayments,
  listShopifyInvoicesPaidInFacturo,
  PaymentNotFoundError,
  recordPayment,
  undoPayment,
} from "./payments";

let handle: DbHandle;
let t: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
});
afterAll(() => handle.close());

/** 2 × 50.00 + 21 % = 121.00 */
async function sentInvoice() {
  const id = await createConcept(
    handle.db,
    t,
    concept({ lines: [line({ quantity: "2", unitPriceCents: 5000 })] }),
  );
  await finaliseDocument(handle.db, t, id);
  return id;
}

const paidOn = "2026-11-29";

describe("the payment ledger", () => {
  it("records a provider's payment once, however often it is reported", async () => {
    const id = await sentInvoice();
    const report = {
      amountCents: 12100,
      method: "mollie",
      paidOn,
      sourceKey: "mollie:tr_1",
    } as const;
    const first = await recordPayment(handle.db, t, id, report);
    const again = await recordPayment(handle.db, t, id, report);
    expect(first).toMatchObject({ recorded: true, status: "paid", paidCents: 12100 });
    expect(again).toMatchObject({ recorded: false, status: "paid", paidCents: 12100 });
    expect(await listPayments(handle.db, t, id)).toHaveLength(1);
  });

  it("accepts money reported on a paid invoice as an over-payment, not an error", async () => {
    const id = await sentInvoice();
    await recordPayment(handle.db, t, id, { amountCents: 12100, method: "manual", paidOn });
    const twice = await recordPayment(handle.db, t, id, {
      amountCents: 12100,
      method: "bank_transfer",
      paidOn,
      sourceKey: "bank:acc/1/1",
    });
    expect(twice).toMatchObject({ recorded: true, status: "paid", overpaidCents: 12100 });
    // The merchant saying "paid" again on a paid invoice is refused.
    await expect(
      recordPayment(handle.db, t, id, { amountCents: 1, method: "manual", paidOn }),
    ).rejects.toBeInstanceOf(DocumentTransitionError);
  });

  it("undoes a payment: status and paid amount go back, the row and the log stay", async () => {
    const id = await sentInvoice();
    await recordPayment(handle.db, t, id, { amountCents: 2100, method: "cash", paidOn });
    await recordPayment(handle.db, t, id, { amountCents: 10000, method: "manual", paidOn });
    const [, second] = await listPayments(handle.db, t, id);
    expect(await undoPayment(handle.db, t, id, second!.id)).toMatchObject({
      status: "partially_paid",
      paidCents: 2100,
    });
    await expect(undoPayment(handle.db, t, id, second!.id)).rejects.toBeInstanceOf(
      PaymentNotFoundError,
    );
    const detail = await getDocument(handle.db, t, id);
    expect(detail?.document).toMatchObject({ status: "partially_paid", paidCents: 2100 });
    expect(detail?.events.map((e) => e.kind)).toContain("payment_undone");
    const rows = await listPayments(handle.db, t, id);
    expect(rows.map((r) => r.undoneAt !== null)).toEqual([false, true]);
  });

  it("never undoes another organisation's payment", async () => {
    const id = await sentInvoice();
    await recordPayment(handle.db, t, id, { amountCents: 12100, method: "manual", paidOn });
    const [payment] = await listPayments(handle.db, t, id);
    const other = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    await expect(undoPayment(handle.db, other, id, payment!.id)).rejects.toThrow();
    expect((await getDocument(handle.db, t, id))?.document.status).toBe("paid");
  });

  it("tells the sync inbox which Shopify invoices were paid here, not in Shopify", async () => {
    const fromShopify = await sentInvoice();
    await handle.db
      .update(documents)
      .set({ source: "shopify", sourceName: "#1042" })
      .where(eq(documents.id, fromShopify));
    const manual = await sentInvoice();
    await recordPayment(handle.db, t, manual, { amountCents: 12100, method: "cash", paidOn });
    await recordPayment(handle.db, t, fromShopify, {
      amountCents: 12100,
      method: "bank_transfer",
      paidOn,
      sourceKey: "bank:shopify-order-line",
    });
    const listed = await listShopifyInvoicesPaidInFacturo(handle.db, t);
    expect(listed).toEqual([
      expect.objectContaining({
        documentId: fromShopify,
        orderName: "#1042",
        method: "bank_transfer",
        amountCents: 12100,
        invoicePaid: true,
      }),
    ]);
    const [payment] = await listPayments(handle.db, t, fromShopify);
    await undoPayment(handle.db, t, fromShopify, payment!.id);
    expect(await listShopifyInvoicesPaidInFacturo(handle.db, t)).toEqual([]);
  });
});
