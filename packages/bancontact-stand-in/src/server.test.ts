import type { IncomingMessage } from "node:http";
import { listen, parseJsonBody, readBody, type RunningStandIn } from "@facturo/stand-in-http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startBancontactStandIn, type BancontactStandIn } from "./server";

/**
 * Bancontact Pro (Payconiq) Merchant Payment API v3 as Facturo calls it
 * (lib/payments/bancontact/bancontact-client.ts).
 */

const KEY = "payconiq-key-1";

interface Payment {
  paymentId: string;
  status: string;
  createdAt: string;
  expiresAt: string;
  succeededAt?: string;
  amount: number;
  debtor?: { name: string };
  _links: { cancel: { href: string } };
}

interface Callback {
  contentType: string | undefined;
  signature: string | string[] | undefined;
  body: Payment;
}

let bancontact: BancontactStandIn;
let receiver: RunningStandIn;
let callbacks: Callback[];

beforeAll(async () => {
  bancontact = await startBancontactStandIn({ port: 0 });
  receiver = await listen(0, async (req: IncomingMessage, res) => {
    callbacks.push({
      contentType: req.headers["content-type"],
      signature: req.headers.signature,
      body: parseJsonBody(await readBody(req)) as Payment,
    });
    res.writeHead(200).end();
  });
});
afterAll(async () => {
  await bancontact.close();
  await receiver.close();
});
beforeEach(() => {
  callbacks = [];
});

async function api<T = Record<string, unknown>>(
  path: string,
  init: { key?: string | null; body?: unknown; method?: string } = {},
) {
  const key = init.key === undefined ? KEY : init.key;
  const response = await fetch(`${bancontact.origin}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

const input = (overrides: Record<string, unknown> = {}) => ({
  amount: 12100,
  currency: "EUR",
  reference: "+++090/9337/55493+++",
  description: "Invoice F2026-0001",
  callbackUrl: `${receiver.origin}/api/payments/bancontact/callback`,
  returnUrl: "https://facturo.test/d/token/paid",
  ...overrides,
});

async function create(overrides: Record<string, unknown> = {}, key = KEY): Promise<Payment> {
  const created = await api<Payment>("/v3/payments", { key, body: input(overrides) });
  expect(created.status).toBe(201);
  return created.body;
}

const choose = (id: string, status: string) =>
  fetch(`${bancontact.origin}/pay/2/${id}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: `status=${status}`,
    redirect: "manual",
  });

describe("POST /v3/payments", () => {
  it("creates a PENDING payment of cents, valid 20 minutes, with the payer's links", async () => {
    const payment = await create();
    expect(payment).toMatchObject({
      status: "PENDING",
      amount: 12100,
      currency: "EUR",
      reference: "+++090/9337/55493+++",
      description: "Invoice F2026-0001",
      creditor: { callbackUrl: `${receiver.origin}/api/payments/bancontact/callback` },
      _links: {
        self: { href: `${bancontact.origin}/v3/payments/${payment.paymentId}` },
        deeplink: { href: `${bancontact.origin}/pay/2/${payment.paymentId}` },
        checkout: { href: `${bancontact.origin}/pay/2/${payment.paymentId}` },
      },
    });
    expect(payment.paymentId).toMatch(/^[0-9a-f]{24}$/);
    expect(payment.debtor).toBeUndefined();
    const minutes = (Date.parse(payment.expiresAt) - Date.parse(payment.createdAt)) / 60_000;
    expect(minutes).toBe(20);
  });

  it.each([
    ["INVALID_AMOUNT", { amount: 0 }],
    ["INVALID_AMOUNT", { amount: 12.5 }],
    ["INVALID_AMOUNT", { amount: "12100" }],
    ["INVALID_CURRENCY", { currency: "USD" }],
    ["INVALID_REFERENCE", { reference: "x".repeat(36) }],
    ["INVALID_DESCRIPTION", { description: "x".repeat(141) }],
  ])("refuses with Payconiq's error code %s", async (code, overrides) => {
    const refused = await api("/v3/payments", { body: input(overrides) });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code });
    expect(typeof refused.body.traceId).toBe("string");
  });

  it.each([
    ["no key", null],
    ["a short key", "short"],
    ["a revoked key", "revoked-key-1"],
  ])("refuses %s with 401 UNAUTHORIZED", async (_what, key) => {
    const refused = await api("/v3/payments", { key, body: input() });
    expect(refused).toMatchObject({ status: 401, body: { code: "UNAUTHORIZED" } });
  });
});

describe("GET /v3/payments/{id} and the key check", () => {
  it("answers the payment to its own key only (404 PAYMENT_NOT_FOUND otherwise)", async () => {
    const payment = await create();
    const mine = await api(`/v3/payments/${payment.paymentId}`);
    expect(mine).toMatchObject({ status: 200, body: { paymentId: payment.paymentId } });
    const theirs = await api(`/v3/payments/${payment.paymentId}`, { key: "another-key-2" });
    expect(theirs).toMatchObject({ status: 404, body: { code: "PAYMENT_NOT_FOUND" } });
    expect((await api(`/v3/payments/${payment.paymentId}`, { key: null })).status).toBe(401);
  });

  it("searches the key's payments (POST /v3/payments/search), one detail at most", async () => {
    const key = "search-key-123";
    expect((await api("/v3/payments/search?size=1", { key, body: {} })).body).toMatchObject({
      size: 1,
      totalElements: 0,
      totalPages: 0,
      details: [],
    });
    await create({}, key);
    await create({}, key);
    const found = await api<{ details: Payment[] }>("/v3/payments/search?size=1", {
      key,
      body: {},
    });
    expect(found.body).toMatchObject({ totalElements: 2, totalPages: 1 });
    expect(found.body.details).toHaveLength(1);
    expect((await api("/v3/payments/search", { key: "revoked-123", body: {} })).status).toBe(401);
  });
});

describe("the payer's app and the callback", () => {
  it("paying POSTs the payment as JSON, with a Signature header, then returns to Facturo", async () => {
    const payment = await create();
    const page = await (await fetch(`${bancontact.origin}/pay/2/${payment.paymentId}`)).text();
    expect(page).toContain("Pay € 121.00");
    expect(page).toContain('<strong id="status">PENDING</strong>');

    const paid = await choose(payment.paymentId, "SUCCEEDED");
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe("https://facturo.test/d/token/paid");
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]).toMatchObject({
      contentType: "application/json",
      signature: "stand-in.not-a-real-jws",
      body: { paymentId: payment.paymentId, status: "SUCCEEDED", amount: 12100 },
    });
    const after = await api<Payment>(`/v3/payments/${payment.paymentId}`);
    expect(after.body).toMatchObject({ status: "SUCCEEDED", debtor: { name: "Jan" } });
    expect(Date.parse(after.body.succeededAt ?? "")).not.toBeNaN();
  });

  it("a final payment stays as it is and shows no buttons", async () => {
    const payment = await create({ returnUrl: undefined });
    const cancelled = await choose(payment.paymentId, "CANCELLED");
    expect(cancelled.status).toBe(200); // no returnUrl: the app's page again
    await choose(payment.paymentId, "SUCCEEDED");
    expect(callbacks.map((c) => c.body.status)).toEqual(["CANCELLED"]);
    const page = await (await fetch(`${bancontact.origin}/pay/2/${payment.paymentId}`)).text();
    expect(page).toContain('<strong id="status">CANCELLED</strong>');
    expect(page).not.toContain("<button");
    expect((await choose(payment.paymentId, "EXPIRED")).status).toBe(400);
  });
});

describe("DELETE /v3/payments/{id} (_links.cancel)", () => {
  it("cancels a pending payment and calls back; a final one cannot be cancelled", async () => {
    const payment = await create();
    const response = await fetch(payment._links.cancel.href, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${KEY}` },
    });
    expect(response.status).toBe(204);
    expect(callbacks.map((c) => c.body.status)).toEqual(["CANCELLED"]);
    const again = await api(`/v3/payments/${payment.paymentId}`, { method: "DELETE" });
    expect(again).toMatchObject({ status: 422, body: { code: "CANCELLATION_NOT_ALLOWED" } });
    const other = await api(`/v3/payments/${payment.paymentId}`, {
      method: "DELETE",
      key: "another-key-2",
    });
    expect(other.status).toBe(404);
  });
});

describe("the control API", () => {
  it("sets any status and calls back as often as asked, recording each answer", async () => {
    const payment = await create();
    const set = await fetch(`${bancontact.origin}/control/payments/${payment.paymentId}/status`, {
      method: "POST",
      body: JSON.stringify({ status: "EXPIRED", callbackCalls: 2 }),
    });
    expect(set.status).toBe(200);
    expect(callbacks.map((c) => c.body.status)).toEqual(["EXPIRED", "EXPIRED"]);
    const stored = (await (
      await fetch(`${bancontact.origin}/control/payments/${payment.paymentId}`)
    ).json()) as { status: string; callbackResponses: number[] };
    expect(stored).toMatchObject({ status: "EXPIRED", callbackResponses: [200, 200] });
  });

  it("refuses an unknown status, a GET on …/status and an unknown path", async () => {
    const payment = await create();
    const status = `${bancontact.origin}/control/payments/${payment.paymentId}/status`;
    expect((await fetch(status, { method: "POST", body: '{"status":"PAID"}' })).status).toBe(400);
    expect((await fetch(status)).status).toBe(405);
    expect(await (await fetch(`${bancontact.origin}/control/health`)).json()).toEqual({ ok: true });
    expect((await fetch(`${bancontact.origin}/v3/refunds`)).status).toBe(404);
  });
});
