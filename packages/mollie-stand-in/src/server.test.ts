import type { IncomingMessage } from "node:http";
import { listen, parseForm, readBody, type RunningStandIn } from "@facturo/stand-in-http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMollieStandIn, type MollieStandIn } from "./server";

/** Mollie's Payments API v2 as Facturo calls it (lib/payments/mollie/mollie-client.ts). */

const KEY = "test_abcdefghijklmnopqrstuvwxyz";
const OTHER_KEY = "test_zyxwvutsrqponmlkjihgfedcba";

interface Posted {
  contentType: string | undefined;
  body: Record<string, string>;
}

let mollie: MollieStandIn;
let webhook: RunningStandIn;
let posted: Posted[];
let answer: number;

beforeAll(async () => {
  mollie = await startMollieStandIn({ port: 0 });
  webhook = await listen(0, async (req: IncomingMessage, res) => {
    posted.push({ contentType: req.headers["content-type"], body: parseForm(await readBody(req)) });
    res.writeHead(answer).end();
  });
});
afterAll(async () => {
  await mollie.close();
  await webhook.close();
});
beforeEach(() => {
  posted = [];
  answer = 200;
});

interface Payment {
  id: string;
  status: string;
  mode: string;
  method: string | null;
  createdAt: string;
  expiresAt?: string;
  paidAt?: string;
  _links: { self: { href: string }; checkout?: { href: string; type: string } };
}

interface PaymentList {
  count: number;
  _embedded: { payments: Payment[] };
}

async function api<T = Record<string, unknown>>(
  path: string,
  init: { method?: string; key?: string | null; body?: unknown } = {},
) {
  const key = init.key === undefined ? KEY : init.key;
  const response = await fetch(`${mollie.origin}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const paymentInput = (overrides: Record<string, unknown> = {}) => ({
  amount: { currency: "EUR", value: "121.00" },
  description: "Invoice F2026-0001",
  redirectUrl: "https://facturo.test/d/token/paid",
  webhookUrl: `${webhook.origin}/api/payments/mollie/webhook`,
  metadata: { documentId: "doc-1" },
  locale: "nl_BE",
  ...overrides,
});

async function createPayment(overrides: Record<string, unknown> = {}): Promise<Payment> {
  const created = await api<Payment>("/v2/payments", { body: paymentInput(overrides) });
  expect(created.status).toBe(201);
  return created.body;
}

describe("POST /v2/payments", () => {
  it("creates an open payment with a checkout link, as Mollie answers", async () => {
    const payment = await createPayment();
    expect(payment).toMatchObject({
      resource: "payment",
      mode: "test",
      status: "open",
      amount: { currency: "EUR", value: "121.00" },
      description: "Invoice F2026-0001",
      metadata: { documentId: "doc-1" },
      locale: "nl_BE",
      isCancelable: true,
      redirectUrl: "https://facturo.test/d/token/paid",
      _links: {
        self: { href: `${mollie.origin}/v2/payments/${payment.id}` },
        checkout: { href: `${mollie.origin}/checkout/${payment.id}`, type: "text/html" },
      },
    });
    expect(payment.id).toMatch(/^tr_[0-9a-f]{16}$/);
    const minutes = (Date.parse(payment.expiresAt ?? "") - Date.parse(payment.createdAt)) / 60_000;
    expect(minutes).toBe(15);
  });

  it("gives a live key a live payment", async () => {
    const created = await api<Payment>("/v2/payments", {
      key: "live_abcdefghijklmnopqrstuvwxyz",
      body: paymentInput(),
    });
    expect(created.body.mode).toBe("live");
  });

  it.each([
    ["no key", null],
    ["a key not shaped like Mollie's", "sk_abcdefghijklmnopqrstuvwxyz"],
    ["a short key", "test_abc"],
    ["a revoked key", "test_revokedabcdefghijklmnopq"],
  ])("refuses %s with Mollie's 401", async (_what, key) => {
    const refused = await api("/v2/payments", { key, body: paymentInput() });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ status: 401, title: "Unauthorized Request" });
  });

  it.each([
    ["amount.value", { amount: { currency: "EUR", value: "121" } }],
    ["amount.value", { amount: { currency: "EUR", value: 121 } }],
    ["amount.currency", { amount: { currency: "USD", value: "1.00" } }],
    ["description", { description: "" }],
    ["redirectUrl", { redirectUrl: undefined }],
  ])("refuses a bad %s with a 422 naming the field", async (field, overrides) => {
    const refused = await api("/v2/payments", { body: paymentInput(overrides) });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ status: 422, title: "Unprocessable Entity", field });
    expect(mollie.payments.size).toBeGreaterThan(0); // the others stay
  });

  it("refuses a body that is not JSON", async () => {
    const response = await fetch(`${mollie.origin}/v2/payments`, {
      method: "POST",
      headers: { Authorization: `Bearer ${KEY}`, "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
  });
});

describe("GET /v2/payments/{id} and the key check", () => {
  it("answers the payment to the key that made it, 404 to any other key", async () => {
    const payment = await createPayment();
    const mine = await api(`/v2/payments/${payment.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: payment.id, status: "open" });
    const theirs = await api(`/v2/payments/${payment.id}`, { key: OTHER_KEY });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toMatchObject({ detail: `No payment exists with token ${payment.id}.` });
    expect((await api("/v2/payments/tr_nothere")).status).toBe(404);
    expect((await api(`/v2/payments/${payment.id}`, { key: null })).status).toBe(401);
  });

  it("lists at most one payment, the key's own (GET /v2/payments?limit=1)", async () => {
    const fresh = "test_freshkeyabcdefghijklmnop";
    const none = await api<PaymentList>("/v2/payments?limit=1", { key: fresh });
    expect(none.body).toMatchObject({ count: 0, _embedded: { payments: [] } });
    await api("/v2/payments", { key: fresh, body: paymentInput() });
    await api("/v2/payments", { key: fresh, body: paymentInput() });
    const one = await api<PaymentList>("/v2/payments?limit=1", { key: fresh });
    expect(one.body.count).toBe(1);
    expect(one.body._embedded.payments[0]).toMatchObject({ resource: "payment" });
    expect(
      (await api("/v2/payments?limit=1", { key: "test_revokedabcdefghijklmnopq" })).status,
    ).toBe(401);
  });
});

describe("the checkout page and the webhook", () => {
  it("shows the payment, and the payer's choice calls the webhook with id=… then redirects", async () => {
    const payment = await createPayment();
    const page = await fetch(`${mollie.origin}/checkout/${payment.id}`);
    const html = await page.text();
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(html).toContain("Invoice F2026-0001: € 121.00");
    expect(html).toContain('<strong id="status">open</strong>');

    const paid = await fetch(`${mollie.origin}/checkout/${payment.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "status=paid",
      redirect: "manual",
    });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe("https://facturo.test/d/token/paid");
    expect(posted).toEqual([
      { contentType: "application/x-www-form-urlencoded", body: { id: payment.id } },
    ]);

    const after = await api<Payment>(`/v2/payments/${payment.id}`);
    expect(after.body).toMatchObject({ status: "paid", method: "bancontact", isCancelable: false });
    expect(Date.parse(after.body.paidAt ?? "")).not.toBeNaN();
    expect(after.body.expiresAt).toBeUndefined();
    expect(after.body._links.checkout).toBeUndefined();
  });

  it("a final payment is not changed by a second choice, and no webhook is called", async () => {
    const payment = await createPayment();
    const choose = (status: string) =>
      fetch(`${mollie.origin}/checkout/${payment.id}`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: `status=${status}`,
        redirect: "manual",
      });
    await choose("canceled");
    await choose("paid");
    expect(posted).toHaveLength(1);
    expect((await api<Payment>(`/v2/payments/${payment.id}`)).body.status).toBe("canceled");
    expect((await choose("bogus")).status).toBe(400);
  });

  it("without a webhookUrl, nothing is posted", async () => {
    const payment = await createPayment({ webhookUrl: undefined });
    await fetch(`${mollie.origin}/checkout/${payment.id}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "status=failed",
      redirect: "manual",
    });
    expect(posted).toEqual([]);
    expect((await api<Payment>(`/v2/payments/${payment.id}`)).body.status).toBe("failed");
  });
});

describe("the control API", () => {
  it("sets any status, calls the webhook as often as asked and records each answer", async () => {
    const payment = await createPayment();
    answer = 503;
    const set = await fetch(`${mollie.origin}/control/payments/${payment.id}/status`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ status: "paid", webhookCalls: 3 }),
    });
    expect(set.status).toBe(200);
    expect(posted).toHaveLength(3);
    const stored = (await (
      await fetch(`${mollie.origin}/control/payments/${payment.id}`)
    ).json()) as { status: string; webhookResponses: number[] };
    expect(stored).toMatchObject({ status: "paid", webhookResponses: [503, 503, 503] });
  });

  it("records 0 for a webhook nobody answers", async () => {
    const payment = await createPayment({ webhookUrl: "http://127.0.0.1:9/unreachable" });
    await fetch(`${mollie.origin}/control/payments/${payment.id}/status`, {
      method: "POST",
      body: JSON.stringify({ status: "expired" }),
    });
    expect(mollie.payments.get(payment.id)?.webhookResponses).toEqual([0]);
  });

  it("refuses an unknown status and a GET on …/status; answers health", async () => {
    const payment = await createPayment();
    const bad = await fetch(`${mollie.origin}/control/payments/${payment.id}/status`, {
      method: "POST",
      body: JSON.stringify({ status: "done" }),
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${mollie.origin}/control/payments/${payment.id}/status`)).status).toBe(
      405,
    );
    expect(await (await fetch(`${mollie.origin}/control/health`)).json()).toEqual({ ok: true });
    expect((await fetch(`${mollie.origin}/v2/refunds`)).status).toBe(404);
  });
});
