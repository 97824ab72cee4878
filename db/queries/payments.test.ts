import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { tenant, type Tenant } from "../tenant";
import { concept, line } from "../testing/document-factory";
import { createOrg, createUser, openTestDb } from "../testing/test-db";
import { createConcept } from "@/lib/documents/create-concept";
import { listPayments, listShopifyInvoicesPaidInFacturo } from "./payments";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { recordPayment } from "@/lib/payments/record-payment";
import { undoPayment } from "@/lib/payments/undo-payment";
import { systemClock } from "@/lib/calendar/clock";

let handle: DbHandle;
let t: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
});
afterAll(() => handle.close());

/** 2 × 50.00 + 21 % = 121.00 */
async function sentInvoice(from: { source: "shopify"; sourceName: string } | null = null) {
  const id = await createConcept(
    handle.db,
    t,
    concept({ lines: [line({ quantity: "2", unitPriceCents: 5000 })] }),
    from ?? {},
  );
  await finaliseDocument(handle.db, t, { documentId: id }, systemClock);
  return id;
}

const paidOn = "2026-11-29";

describe("payments paid in Facturo", () => {
  it("tells the sync inbox which Shopify invoices were paid here, not in Shopify", async () => {
    const fromShopify = await sentInvoice({ source: "shopify", sourceName: "#1042" });
    const manual = await sentInvoice();
    await recordPayment(
      handle.db,
      t,
      { invoiceId: manual, amountCents: 12100, method: "cash", paidOn },
      systemClock,
    );
    await recordPayment(
      handle.db,
      t,
      {
        invoiceId: fromShopify,
        amountCents: 12100,
        method: "bank_transfer",
        paidOn,
        sourceKey: "bank:shopify-order-line",
      },
      systemClock,
    );
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
    await undoPayment(
      handle.db,
      t,
      { invoiceId: fromShopify, paymentId: payment!.id },
      systemClock,
    );
    expect(await listShopifyInvoicesPaidInFacturo(handle.db, t)).toEqual([]);
  });
});
