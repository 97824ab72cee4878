import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { activateApp, deactivateApp } from "@/db/queries/apps";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { listOnlinePayments } from "@/db/queries/online-payments";
import { listPayments } from "@/db/queries/payments";
import { onlinePayments } from "@/db/schema";
import { concept, line } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { testJobContext } from "@/lib/jobs/testing/test-worker";
import { tenant, type Tenant } from "@/db/tenant";
import { startBancontactStandIn, type BancontactStandIn } from "@facturo/bancontact-stand-in";
import { startMollieStandIn, type MollieStandIn } from "@facturo/mollie-stand-in";
import type { JobContext } from "@/lib/jobs/job-handler";
import { checkOnReturn } from "./check-on-return";
import type { OnlinePaymentProviderKey } from "./online-payment-provider";
import { openOnlinePayment } from "./open-online-payment";
import { startNotificationReceiver } from "./payment-notification-receiver.test-support";
import { saveProviderApiKey } from "./provider-api-key";
import { onlinePaymentProviders } from "./providers";
import { syncOnlinePayment } from "./sync-online-payment";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { recordPayment } from "@/lib/payments/record-payment";
import { fixedClock, systemClock } from "@/lib/calendar/clock";

const MOLLIE_KEY = "test_standin0123456789abcdefghij";
const BANCONTACT_KEY = "bancontact-profile-key";

let handle: DbHandle;
let ctx: JobContext;
let mollie: MollieStandIn;
let bancontact: BancontactStandIn;
let receiver: Awaited<ReturnType<typeof startNotificationReceiver>>;
let t: Tenant;
let other: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  [mollie, bancontact] = await Promise.all([startMollieStandIn({}), startBancontactStandIn({})]);
  receiver = await startNotificationReceiver(() => ctx);
  ctx = testJobContext(handle, {
    APP_URL: receiver.appUrl,
    MOLLIE_API_URL: `${mollie.origin}/v2/`,
    BANCONTACT_API_URL: bancontact.origin,
  });
  const user = await createUser(handle.db);
  t = tenant((await createOrg(handle.db, user.id)).id);
  other = tenant((await createOrg(handle.db, user.id)).id);
  for (const org of [t, other]) {
    for (const [app, key] of [
      ["mollie", MOLLIE_KEY],
      ["bancontact", BANCONTACT_KEY],
    ] as const) {
      await activateApp(handle.db, org, app);
      await saveProviderApiKey(handle.db, org, app, key, ctx.config.ENCRYPTION_KEY);
    }
  }
});
afterAll(async () => {
  await Promise.all([receiver?.close(), mollie?.close(), bancontact?.close()]);
  await handle?.close();
});

function deps(now?: Date) {
  return {
    db: handle.db,
    config: ctx.config,
    providers: onlinePaymentProviders(ctx.config),
    log: ctx.log,
    clock: now ? fixedClock(now) : systemClock,
    ...(now ? { now: () => now } : {}),
  };
}

/** 1 × 100.00 + 21 % = 121.00, finalised. */
async function sentInvoice(owner = t) {
  const id = await createConcept(
    handle.db,
    owner,
    concept({ lines: [line({ unitPriceCents: 10000 })] }),
  );
  await finaliseDocument(handle.db, owner, { documentId: id }, systemClock);
  return id;
}

async function open(documentId: string, provider: OnlinePaymentProviderKey, owner = t) {
  const result = await openOnlinePayment(deps(), owner, documentId, provider);
  if (!result.ok) throw new Error(`not payable: ${result.reason}`);
  return result.payment;
}

async function mollieStatus(id: string, status: string, webhookCalls = 1) {
  const response = await fetch(`${mollie.origin}/control/payments/${id}/status`, {
    method: "POST",
    body: JSON.stringify({ status, webhookCalls }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { webhookResponses: number[] };
}

async function bancontactStatus(id: string, status: string, callbackCalls = 1) {
  const response = await fetch(`${bancontact.origin}/control/payments/${id}/status`, {
    method: "POST",
    body: JSON.stringify({ status, callbackCalls }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { callbackResponses: number[] };
}

async function invoiceState(id: string, owner = t) {
  const found = await getDocument(handle.db, owner, id);
  return { status: found?.document.status, paidCents: found?.document.paidCents };
}

describe("a Mollie payment for an invoice", () => {
  it("is created for the amount due, with the invoice number, reference and return URLs", async () => {
    const id = await sentInvoice();
    const payment = await open(id, "mollie");
    const remote = mollie.payments.get(payment.providerPaymentId);
    const invoice = (await getDocument(handle.db, t, id))!.document;
    expect(remote?.amount).toEqual({ currency: "EUR", value: "121.00" });
    expect(remote?.description).toContain(invoice.number);
    expect(remote?.metadata).toEqual({
      documentId: id,
      structuredCommunication: invoice.structuredCommunication,
    });
    expect(remote?.webhookUrl).toBe(`${receiver.appUrl}/api/payments/mollie/webhook`);
    expect(remote?.redirectUrl).toBe(`${receiver.appUrl}/d/${invoice.publicToken}?return=mollie`);
    expect(payment).toMatchObject({ status: "open", amountCents: 12100, mode: "test" });
    expect(payment.checkoutUrl).toBe(`${mollie.origin}/checkout/${payment.providerPaymentId}`);
  });

  it("is reused while open, and renewed once it expired", async () => {
    const id = await sentInvoice();
    const first = await open(id, "mollie");
    expect((await open(id, "mollie")).id).toBe(first.id);
    await mollieStatus(first.providerPaymentId, "expired");
    const renewed = await open(id, "mollie");
    expect(renewed.id).not.toBe(first.id);
    expect(renewed.status).toBe("open");
    expect((await listOnlinePayments(handle.db, t, id)).map((p) => p.status)).toEqual([
      "open",
      "expired",
    ]);
  });

  it("is renewed for the new amount due after a partial payment, and refused once paid", async () => {
    const id = await sentInvoice();
    const first = await open(id, "mollie");
    await recordPayment(
      handle.db,
      t,
      { invoiceId: id, amountCents: 2100, method: "cash", paidOn: "2026-11-29" },
      systemClock,
    );
    const renewed = await open(id, "mollie");
    expect(renewed.id).not.toBe(first.id);
    expect(renewed.amountCents).toBe(10000);
    await recordPayment(
      handle.db,
      t,
      { invoiceId: id, amountCents: 10000, method: "cash", paidOn: "2026-11-29" },
      systemClock,
    );
    expect(await openOnlinePayment(deps(), t, id, "mollie")).toEqual({
      ok: false,
      reason: "not_payable",
    });
  });

  it("is made once when two visits ask at the same moment", async () => {
    const id = await sentInvoice();
    const [a, b] = await Promise.all([open(id, "mollie"), open(id, "mollie")]);
    expect(a.id).toBe(b.id);
    expect(await listOnlinePayments(handle.db, t, id)).toHaveLength(1);
  });

  it("is replaced when it would expire within two minutes", async () => {
    const id = await sentInvoice();
    const first = await open(id, "mollie");
    const later = new Date(first.expiresAt!.getTime() - 60_000);
    const result = await openOnlinePayment(deps(later), t, id, "mollie");
    expect(result.ok && result.payment.id).not.toBe(first.id);
  });

  it("records a paid webhook once, however often it comes", async () => {
    const id = await sentInvoice();
    const payment = await open(id, "mollie");
    const delivered = await mollieStatus(payment.providerPaymentId, "paid", 3);
    expect(delivered.webhookResponses).toEqual([200, 200, 200]);
    expect(await invoiceState(id)).toEqual({ status: "paid", paidCents: 12100 });
    const ledger = await listPayments(handle.db, t, id);
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      method: "mollie",
      amountCents: 12100,
      sourceKey: `mollie:${payment.providerPaymentId}`,
    });
    const [row] = await listOnlinePayments(handle.db, t, id);
    expect(row).toMatchObject({ status: "paid", paidMethod: "bancontact" });
    expect(row?.paidAt).toBeInstanceOf(Date);
  });

  it("keeps paid when an 'expired' report arrives after 'paid'", async () => {
    const id = await sentInvoice();
    const payment = await open(id, "mollie");
    await mollieStatus(payment.providerPaymentId, "paid");
    // The provider answering "expired" afterwards stands for a late, out-of-order report.
    await mollieStatus(payment.providerPaymentId, "expired");
    expect((await listOnlinePayments(handle.db, t, id))[0]?.status).toBe("paid");
    expect(await invoiceState(id)).toEqual({ status: "paid", paidCents: 12100 });
    expect(await listPayments(handle.db, t, id)).toHaveLength(1);
  });

  it("ignores a webhook that changes nothing (failed), and an id it never made", async () => {
    const id = await sentInvoice();
    const payment = await open(id, "mollie");
    await mollieStatus(payment.providerPaymentId, "failed");
    expect(await invoiceState(id)).toEqual({ status: "sent", paidCents: 0 });
    expect((await listOnlinePayments(handle.db, t, id))[0]?.status).toBe("failed");

    const unknown = await fetch(`${receiver.appUrl}/api/payments/mollie/webhook`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "id=tr_neverMadeByFacturo",
    });
    expect(unknown.status).toBe(200);
    expect(await syncOnlinePayment(deps(), "mollie", "tr_neverMadeByFacturo")).toEqual({
      kind: "unknown",
    });
  });

  it("still records a payment the customer made after the merchant switched Mollie off", async () => {
    const owner = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    await activateApp(handle.db, owner, "mollie");
    await saveProviderApiKey(handle.db, owner, "mollie", MOLLIE_KEY, ctx.config.ENCRYPTION_KEY);
    const id = await sentInvoice(owner);
    const payment = await open(id, "mollie", owner);
    await deactivateApp(handle.db, owner, "mollie");
    expect(await openOnlinePayment(deps(), owner, id, "mollie")).toEqual({
      ok: false,
      reason: "not_configured",
    });
    await mollieStatus(payment.providerPaymentId, "paid");
    expect(await invoiceState(id, owner)).toEqual({ status: "paid", paidCents: 12100 });
  });
});

describe("a Bancontact Pro (Payconiq) payment", () => {
  it("carries the structured communication as reference and the deep link as QR code", async () => {
    const id = await sentInvoice();
    const payment = await open(id, "bancontact");
    const remote = bancontact.payments.get(payment.providerPaymentId);
    const invoice = (await getDocument(handle.db, t, id))!.document;
    expect(remote).toMatchObject({
      amount: 12100,
      currency: "EUR",
      reference: invoice.structuredCommunication,
      callbackUrl: `${receiver.appUrl}/api/payments/bancontact/callback`,
      returnUrl: `${receiver.appUrl}/d/${invoice.publicToken}?return=bancontact`,
    });
    expect(payment.qrPayload).toBe(`${bancontact.origin}/pay/2/${payment.providerPaymentId}`);
    expect(payment.expiresAt!.getTime() - Date.now()).toBeGreaterThan(15 * 60_000);
  });

  it("records SUCCEEDED once despite repeated callbacks, and a later EXPIRED does not undo it", async () => {
    const id = await sentInvoice();
    const payment = await open(id, "bancontact");
    await bancontactStatus(payment.providerPaymentId, "SUCCEEDED", 2);
    await bancontactStatus(payment.providerPaymentId, "EXPIRED");
    expect(await invoiceState(id)).toEqual({ status: "paid", paidCents: 12100 });
    const ledger = await listPayments(handle.db, t, id);
    expect(ledger.map((p) => [p.method, p.sourceKey])).toEqual([
      ["bancontact", `bancontact:${payment.providerPaymentId}`],
    ]);
    expect((await listOnlinePayments(handle.db, t, id))[0]?.status).toBe("paid");
  });

  it("is renewed after it expired", async () => {
    const id = await sentInvoice();
    const first = await open(id, "bancontact");
    await bancontactStatus(first.providerPaymentId, "EXPIRED");
    const renewed = await open(id, "bancontact");
    expect(renewed.providerPaymentId).not.toBe(first.providerPaymentId);
    expect(renewed.status).toBe("open");
  });
});

describe("tenant scoping", () => {
  it("never opens a payment for another organisation's invoice", async () => {
    const theirs = await sentInvoice(other);
    expect(await openOnlinePayment(deps(), t, theirs, "mollie")).toEqual({
      ok: false,
      reason: "not_payable",
    });
    expect(await listOnlinePayments(handle.db, t, theirs)).toEqual([]);
  });

  it("records a webhook's payment on the organisation that made it, with that organisation's key", async () => {
    const theirs = await sentInvoice(other);
    const payment = await open(theirs, "mollie", other);
    await mollieStatus(payment.providerPaymentId, "paid");
    expect(await invoiceState(theirs, other)).toEqual({ status: "paid", paidCents: 12100 });
    expect(await listPayments(handle.db, t, theirs)).toEqual([]);
    expect(await listPayments(handle.db, other, theirs)).toHaveLength(1);
  });
});

describe("a customer back from the provider's page", () => {
  it("has the payment checked at once, then at most every 30 seconds", async () => {
    const id = await sentInvoice();
    const payment = await open(id, "mollie");
    await mollieStatus(payment.providerPaymentId, "paid", 0); // the webhook never arrives
    // Just created: it was "asked about" when made, so wait as if 30 seconds had passed.
    await handle.db
      .update(onlinePayments)
      .set({ updatedAt: new Date(Date.now() - 60_000) })
      .where(eq(onlinePayments.id, payment.id));
    const queued: string[] = [];
    const enqueue = async (provider: OnlinePaymentProviderKey, providerPaymentId: string) => {
      queued.push(providerPaymentId);
      await syncOnlinePayment(deps(), provider, providerPaymentId);
    };
    expect(await checkOnReturn(handle.db, t, id, "mollie", enqueue)).toBe(true);
    expect(await invoiceState(id)).toEqual({ status: "paid", paidCents: 12100 });
    // Paid now: nothing more to ask.
    expect(await checkOnReturn(handle.db, t, id, "mollie", enqueue)).toBe(false);
    expect(queued).toEqual([payment.providerPaymentId]);
  });

  it("does not ask again within 30 seconds", async () => {
    const id = await sentInvoice();
    await open(id, "mollie");
    const enqueue = async () => undefined;
    expect(await checkOnReturn(handle.db, t, id, "mollie", enqueue)).toBe(false);
  });
});
