import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { listOverdueInvoices } from "@/db/queries/overdue";
import { appActivations, customers, documentSends, emails } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { concept, line } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { startTestWorker } from "@/lib/jobs/testing/test-worker";
import { waitFor } from "@/db/testing/wait-for";
import type { Queue } from "@/lib/jobs/queue";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import { queueReminder } from "./queue-reminder";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { recordPayment } from "@/lib/payments/record-payment";
import { fixedClock } from "@/lib/calendar/clock";
import { addDays } from "@/lib/calendar/calendar-days";

let handle: DbHandle;
let boss: Queue;
let t: Tenant;

/** A fixed "today" for the overdue rules; due dates are set around it. */
const today = "2027-03-15";
/** Payments are recorded on the test's today, which the merchant's clock must agree with. */
const onToday = fixedClock(`${today}T12:00:00Z`);

beforeAll(async () => {
  handle = await openTestDb();
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  boss = await startTestWorker(handle, [sendDocumentJob]);
}, 60_000);

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await handle.close();
});

async function customer(email: string | null, language: "fr" | "nl" | "en" = "nl") {
  const [row] = await handle.db
    .insert(customers)
    .values(t.owned({ name: `Jan ${uniqueSuffix()}`, email, language }))
    .returning();
  if (!row) throw new Error("no customer");
  return row.id;
}

/**
 * A sent invoice of 121.00 due on `dueDate`: issued the day before, with that due date
 * on the concept (an issued invoice's dates can never be moved afterwards).
 */
async function invoiceDue(
  dueDate: string,
  customerId: string | null,
  language: "fr" | "nl" = "fr",
) {
  const id = await createConcept(
    handle.db,
    t,
    concept({
      customerId,
      language,
      dueDate,
      lines: [line({ quantity: "1", unitPriceCents: 10000 })],
    }),
  );
  const dayBefore = fixedClock(`${addDays(dueDate, -1)}T12:00:00Z`);
  await finaliseDocument(handle.db, t, { documentId: id }, dayBefore);
  return id;
}

describe("overdue invoices", () => {
  it("lists unpaid invoices past their due date, oldest first, not the paid or not yet due", async () => {
    const who = await customer(null);
    const older = await invoiceDue("2027-01-01", who);
    const newer = await invoiceDue("2027-03-14", who);
    await invoiceDue(today, who); // due today: not overdue yet
    const paid = await invoiceDue("2027-01-02", who);
    await recordPayment(
      handle.db,
      t,
      { invoiceId: paid, amountCents: 12100, method: "cash", paidOn: today },
      onToday,
    );
    const partly = await invoiceDue("2027-02-01", who);
    await recordPayment(
      handle.db,
      t,
      { invoiceId: partly, amountCents: 100, method: "cash", paidOn: today },
      onToday,
    );

    const overdue = await listOverdueInvoices(handle.db, t, today);
    expect(overdue.map((row) => row.id)).toEqual([older, partly, newer]);
    expect(overdue.find((row) => row.id === partly)).toMatchObject({
      paidCents: 100,
      totalCents: 12100,
    });
    const stranger = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    expect(await listOverdueInvoices(handle.db, stranger, today)).toEqual([]);
  });
});

describe("a payment reminder", () => {
  it("emails the reminder in the customer's language with what is still due, once", async () => {
    await handle.db
      .insert(appActivations)
      .values(t.owned({ appKey: "foreign-customers" }))
      .onConflictDoNothing();
    const email = `klant-${uniqueSuffix()}@example.be`;
    const id = await invoiceDue("2027-02-01", await customer(email, "nl"), "nl");
    await recordPayment(
      handle.db,
      t,
      { invoiceId: id, amountCents: 2100, method: "cash", paidOn: today },
      onToday,
    );

    expect(await queueReminder(handle.db, t, id, today, boss)).toEqual({ ok: true, to: email });
    const sent = await waitFor(
      async () => (await handle.db.select().from(emails).where(eq(emails.toAddress, email)))[0],
    );
    expect(sent.subject).toMatch(/^Herinnering: factuur /);
    expect(sent.text).toContain("100,00"); // 121.00 − 21.00 still due
    expect(sent.text).toContain("+++");
    expect(sent.attachments[0]?.contentType).toBe("application/pdf");
    const detail = await waitFor(async () => {
      const found = await getDocument(handle.db, t, id);
      return found?.events.some((e) => e.kind === "reminder_sent") ? found : undefined;
    });
    expect(detail.document.status).toBe("partially_paid");
    const [row] = await listOverdueInvoices(handle.db, t, today).then((rows) =>
      rows.filter((r) => r.id === id),
    );
    expect(row?.reminders).toBe(1);
  });

  it("refuses invoices that are paid, not due yet, or have no email address", async () => {
    const notDue = await invoiceDue("2027-04-30", await customer("a@example.be"));
    expect(await queueReminder(handle.db, t, notDue, today, boss)).toEqual({
      ok: false,
      reason: "not_due_yet",
    });
    const noEmail = await invoiceDue("2027-02-01", await customer(null));
    expect(await queueReminder(handle.db, t, noEmail, today, boss)).toEqual({
      ok: false,
      reason: "missing_email",
    });
    const paid = await invoiceDue("2027-02-01", await customer("b@example.be"));
    await recordPayment(
      handle.db,
      t,
      { invoiceId: paid, amountCents: 12100, method: "cash", paidOn: today },
      onToday,
    );
    expect(await queueReminder(handle.db, t, paid, today, boss)).toEqual({
      ok: false,
      reason: "not_unpaid",
    });
    const stranger = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    expect(await queueReminder(handle.db, stranger, notDue, today, boss)).toEqual({
      ok: false,
      reason: "not_found",
    });
    const sends = await handle.db
      .select()
      .from(documentSends)
      .where(eq(documentSends.kind, "reminder"));
    expect(sends.map((s) => s.documentId)).not.toContain(paid);
  });
});
