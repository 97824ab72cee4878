import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { insertOnlinePayment, latestOnlinePayment } from "@/db/queries/online-payments";
import type { OnlinePaymentStatus } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { concept } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { fixedClock, systemClock } from "@/lib/calendar/clock";
import { createConcept } from "@/lib/documents/create-concept";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { applyOnlinePaymentReport } from "./apply-online-payment-report";
import { laterStatus } from "./online-payment-status";

let handle: DbHandle;
let t: Tenant;
let other: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  const user = await createUser(handle.db);
  t = tenant((await createOrg(handle.db, user.id)).id);
  other = tenant((await createOrg(handle.db, user.id)).id);
});
afterAll(() => handle.close());

async function invoiceWithPayment(owner: Tenant) {
  const documentId = await createConcept(handle.db, owner, concept());
  await finaliseDocument(handle.db, owner, { documentId }, systemClock);
  const payment = await insertOnlinePayment(handle.db, owner, {
    documentId,
    provider: "mollie",
    providerPaymentId: `tr_${uniqueSuffix()}`,
    status: "open",
    amountCents: 1210,
    checkoutUrl: "https://www.mollie.com/checkout/x",
  });
  return { documentId, payment };
}

describe("online payment status", () => {
  it.each<[OnlinePaymentStatus, OnlinePaymentStatus, OnlinePaymentStatus]>([
    ["open", "pending", "pending"],
    ["pending", "open", "pending"],
    ["open", "expired", "expired"],
    ["expired", "paid", "paid"],
    ["paid", "expired", "paid"],
    ["paid", "failed", "paid"],
    ["failed", "open", "failed"],
    ["expired", "canceled", "expired"],
  ])("%s, then %s reported → %s", (current, reported, expected) => {
    expect(laterStatus(current, reported)).toBe(expected);
  });
});

describe("applyOnlinePaymentReport", () => {
  it("stores a report under the lock and never moves back", async () => {
    const { payment } = await invoiceWithPayment(t);
    const paidAt = new Date("2026-11-29T09:00:00Z");
    const paid = await applyOnlinePaymentReport(
      handle.db,
      t,
      { onlinePaymentId: payment.id, report: { status: "paid", paidAt, paidMethod: "kbc" } },
      systemClock,
    );
    expect(paid).toMatchObject({ status: "paid", paidAt, paidMethod: "kbc" });
    const late = await applyOnlinePaymentReport(
      handle.db,
      t,
      { onlinePaymentId: payment.id, report: { status: "expired" } },
      systemClock,
    );
    expect(late).toMatchObject({ status: "paid", paidMethod: "kbc" });
  });

  it("dates a paid report without its own date, and the update, from the clock", async () => {
    const { payment } = await invoiceWithPayment(t);
    const now = new Date("2026-12-01T08:30:00Z");
    const paid = await applyOnlinePaymentReport(
      handle.db,
      t,
      { onlinePaymentId: payment.id, report: { status: "paid" } },
      fixedClock(now),
    );
    expect(paid).toMatchObject({ status: "paid", paidAt: now, updatedAt: now, paidMethod: null });
  });

  it("changes nothing of another tenant's payment", async () => {
    const mine = await invoiceWithPayment(t);
    expect(
      await applyOnlinePaymentReport(
        handle.db,
        other,
        { onlinePaymentId: mine.payment.id, report: { status: "paid" } },
        systemClock,
      ),
    ).toBeNull();
    expect((await latestOnlinePayment(handle.db, t, mine.documentId, "mollie"))?.status).toBe(
      "open",
    );
  });
});
