import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { listPayments } from "@/db/queries/payments";
import { concept, line } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { tenant, type Tenant } from "@/db/tenant";
import { fixedClock, systemClock } from "@/lib/calendar/clock";
import { DocumentTransitionError } from "@/lib/documents/document-lifecycle";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { PaymentRefusedError } from "./payment-errors";
import { recordPayment } from "./record-payment";

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

describe("the payment ledger", () => {
  it("records a provider's payment once, however often it is reported", async () => {
    const id = await sentInvoice();
    const report = {
      amountCents: 12100,
      method: "mollie",
      paidOn,
      sourceKey: "mollie:tr_1",
    } as const;
    const first = await recordPayment(handle.db, t, { invoiceId: id, ...report }, systemClock);
    const again = await recordPayment(handle.db, t, { invoiceId: id, ...report }, systemClock);
    expect(first).toMatchObject({ recorded: true, status: "paid", paidCents: 12100 });
    expect(again).toMatchObject({ recorded: false, status: "paid", paidCents: 12100 });
    expect(await listPayments(handle.db, t, id)).toHaveLength(1);
  });

  it("accepts money reported on a paid invoice as an over-payment, not an error", async () => {
    const id = await sentInvoice();
    await recordPayment(
      handle.db,
      t,
      { invoiceId: id, amountCents: 12100, method: "manual", paidOn },
      systemClock,
    );
    const twice = await recordPayment(
      handle.db,
      t,
      {
        invoiceId: id,
        amountCents: 12100,
        method: "bank_transfer",
        paidOn,
        sourceKey: "bank:acc/1/1",
      },
      systemClock,
    );
    expect(twice).toMatchObject({ recorded: true, status: "paid", overpaidCents: 12100 });
    // The merchant saying "paid" again on a paid invoice is refused.
    await expect(
      recordPayment(
        handle.db,
        t,
        { invoiceId: id, amountCents: 1, method: "manual", paidOn },
        systemClock,
      ),
    ).rejects.toBeInstanceOf(DocumentTransitionError);
  });
});

describe("payments", () => {
  it("goes sent → partially paid → paid", async () => {
    const id = await sentInvoice(); // 2 × 50.00 + 21 % = 121.00
    expect(
      await recordPayment(
        handle.db,
        t,
        { invoiceId: id, amountCents: 2100, method: "manual", paidOn: "2026-11-28" },
        systemClock,
      ),
    ).toMatchObject({
      status: "partially_paid",
      paidCents: 2100,
    });
    expect(
      (
        await recordPayment(
          handle.db,
          t,
          { invoiceId: id, amountCents: 10000, method: "bank_transfer", paidOn: "2026-11-29" },
          systemClock,
        )
      ).status,
    ).toBe("paid");
    const events = (await getDocument(handle.db, t, id))?.events.map((e) => e.kind);
    expect(events?.filter((k) => k === "paid")).toHaveLength(2);
  });

  it("refuses payments on concepts, on paid invoices and on other types", async () => {
    const conceptId = await createConcept(handle.db, t, concept());
    await expect(
      recordPayment(
        handle.db,
        t,
        { invoiceId: conceptId, amountCents: 1, method: "manual", paidOn: "2026-11-28" },
        systemClock,
      ),
    ).rejects.toBeInstanceOf(DocumentTransitionError);
    const order = await createConcept(handle.db, t, concept({}, "order_form"));
    await finaliseDocument(handle.db, t, { documentId: order }, systemClock);
    await expect(
      recordPayment(
        handle.db,
        t,
        { invoiceId: order, amountCents: 1, method: "manual", paidOn: "2026-11-28" },
        systemClock,
      ),
    ).rejects.toBeInstanceOf(DocumentTransitionError);
    await expect(
      recordPayment(
        handle.db,
        t,
        { invoiceId: order, amountCents: 0, method: "manual", paidOn: "2026-11-28" },
        systemClock,
      ),
    ).rejects.toBeInstanceOf(RangeError);
  });
});

describe('the merchant\'s "mark as paid"', () => {
  it("refuses more than is due, a payment dated after today, and nothing at all", async () => {
    const id = await sentInvoice(); // 121.00
    await recordPayment(
      handle.db,
      t,
      { invoiceId: id, amountCents: 2100, method: "cash", paidOn },
      systemClock,
    );
    const refusal = (amountCents: number, on = paidOn) =>
      recordPayment(
        handle.db,
        t,
        { invoiceId: id, amountCents, method: "cash", paidOn: on },
        fixedClock("2026-11-29T10:00:00Z"),
      ).then(
        () => null,
        (error: unknown) => (error instanceof PaymentRefusedError ? error.code : error),
      );
    expect(await refusal(10001)).toBe("exceeds_due");
    expect(await refusal(100, "2026-11-30")).toBe("in_future");
    expect(await refusal(0)).toBe("not_positive");
    expect(await refusal(-5)).toBe("not_positive");
    // Late on 29 November in UTC is already 30 November in Brussels: not in the future.
    await expect(
      recordPayment(
        handle.db,
        t,
        { invoiceId: id, amountCents: 100, method: "cash", paidOn: "2026-11-30" },
        fixedClock("2026-11-29T23:30:00Z"),
      ),
    ).resolves.toMatchObject({ recorded: true, paidCents: 2200 });
    expect((await getDocument(handle.db, t, id))?.document.paidCents).toBe(2200);
  });

  it('records one of four parallel "mark paid 10.00" on a 12.10 invoice', async () => {
    const id = await sentInvoice(500); // 2 × 5.00 + 21 % = 12.10
    const attempts = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        recordPayment(
          handle.db,
          t,
          { invoiceId: id, amountCents: 1000, method: "cash", paidOn },
          systemClock,
        ),
      ),
    );
    const recorded = attempts.filter((a) => a.status === "fulfilled");
    const refused = attempts.flatMap((a): unknown[] => (a.status === "rejected" ? [a.reason] : []));
    expect(recorded).toHaveLength(1);
    expect(refused).toHaveLength(3);
    for (const error of refused) {
      expect(error).toBeInstanceOf(PaymentRefusedError);
      expect((error as PaymentRefusedError).code).toBe("exceeds_due");
    }
    expect(await listPayments(handle.db, t, id)).toHaveLength(1);
    expect((await getDocument(handle.db, t, id))?.document).toMatchObject({
      status: "partially_paid",
      paidCents: 1000,
    });
  });
});

describe("a payment of what is due (an order its shop reports paid)", () => {
  it("pays what is due when the invoice is locked, and nothing when nothing is", async () => {
    const id = await sentInvoice(); // 121.00
    await recordPayment(
      handle.db,
      t,
      { invoiceId: id, amountCents: 2100, method: "bank_transfer", paidOn },
      systemClock,
    );
    const shopify = {
      invoiceId: id,
      amountCents: "due",
      method: "shopify",
      paidOn,
      sourceKey: "shopify:order:1:paid",
    } as const;
    expect(await recordPayment(handle.db, t, shopify, systemClock)).toMatchObject({
      recorded: true,
      status: "paid",
      paidCents: 12100,
      overpaidCents: 0,
    });
    const [, second] = await listPayments(handle.db, t, id);
    expect(second?.amountCents).toBe(10000);
    expect(
      await recordPayment(
        handle.db,
        t,
        { ...shopify, sourceKey: "shopify:order:2:paid" },
        systemClock,
      ),
    ).toMatchObject({ recorded: false, paidCents: 12100 });
    expect(await listPayments(handle.db, t, id)).toHaveLength(2);
  });
});
