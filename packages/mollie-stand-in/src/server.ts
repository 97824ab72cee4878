import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  HttpError,
  listen,
  notify,
  parseForm,
  parseJsonBody,
  readBody,
  redirect,
  sendHtml,
  sendJson,
  type RunningStandIn,
} from "@facturo/stand-in-http";

/**
 * A local Mollie (Payments API v2, the subset Facturo calls): create a payment, get
 * it, list payments (the key check), plus the test-mode checkout page where the payer
 * chooses the outcome, and a control API for tests. Like Mollie, it calls the
 * payment's webhookUrl with a form body holding only `id=tr_…` on every final status.
 *
 *   POST /v2/payments            GET /v2/payments/{id}        GET /v2/payments?limit=1
 *   GET|POST /checkout/{id}      the payer's page (choose paid, failed, expired, canceled)
 *   POST /control/payments/{id}/status  { status, webhookCalls? }  set a status, call the webhook
 *   GET  /control/payments/{id}  GET /control/health
 *
 * A key is accepted when it looks like Mollie's (`test_`/`live_` + 20 or more letters
 * and digits) and does not contain "revoked" (a way for tests to have a key refused).
 */

export const molliePaymentStatuses = [
  "open",
  "pending",
  "authorized",
  "paid",
  "canceled",
  "expired",
  "failed",
] as const;
export type MollieStandInStatus = (typeof molliePaymentStatuses)[number];

interface StoredPayment {
  id: string;
  apiKey: string;
  mode: "test" | "live";
  createdAt: string;
  status: MollieStandInStatus;
  amount: { currency: string; value: string };
  description: string;
  redirectUrl: string;
  webhookUrl: string | null;
  metadata: unknown;
  locale: string | null;
  method: string | null;
  paidAt?: string;
  expiresAt: string;
  /** HTTP statuses the webhook answered, in order (0 = unreachable). */
  webhookResponses: number[];
}

export interface MollieStandIn extends RunningStandIn {
  payments: Map<string, StoredPayment>;
}

const KEY_SHAPE = /^(test|live)_[A-Za-z0-9]{20,}$/;
const VALUE_SHAPE = /^\d{1,10}\.\d{2}$/;

function unauthorized(): HttpError {
  return new HttpError(401, "Unauthorized", {
    status: 401,
    title: "Unauthorized Request",
    detail: "Missing authentication, or failed to authenticate",
    _links: { documentation: { href: "https://docs.mollie.com/overview/authentication" } },
  });
}

function unprocessable(detail: string, field: string): HttpError {
  return new HttpError(422, detail, { status: 422, title: "Unprocessable Entity", detail, field });
}

function notFound(id: string): HttpError {
  return new HttpError(404, "Not found", {
    status: 404,
    title: "Not Found",
    detail: `No payment exists with token ${id}.`,
  });
}

function authenticate(req: IncomingMessage): { apiKey: string; mode: "test" | "live" } {
  const apiKey = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
  if (!KEY_SHAPE.test(apiKey) || apiKey.includes("revoked")) throw unauthorized();
  return { apiKey, mode: apiKey.startsWith("live_") ? "live" : "test" };
}

function view(payment: StoredPayment, origin: string) {
  const final = ["paid", "canceled", "expired", "failed"].includes(payment.status);
  return {
    resource: "payment",
    id: payment.id,
    mode: payment.mode,
    createdAt: payment.createdAt,
    amount: payment.amount,
    description: payment.description,
    method: payment.method,
    metadata: payment.metadata,
    ...(payment.locale ? { locale: payment.locale } : {}),
    status: payment.status,
    isCancelable: payment.status === "open",
    ...(final ? {} : { expiresAt: payment.expiresAt }),
    ...(payment.paidAt ? { paidAt: payment.paidAt } : {}),
    profileId: "pfl_standin",
    sequenceType: "oneoff",
    redirectUrl: payment.redirectUrl,
    webhookUrl: payment.webhookUrl,
    _links: {
      self: { href: `${origin}/v2/payments/${payment.id}`, type: "application/hal+json" },
      ...(final
        ? {}
        : { checkout: { href: `${origin}/checkout/${payment.id}`, type: "text/html" } }),
    },
  };
}

export async function startMollieStandIn(options: {
  port?: number;
  log?: (line: string) => void;
}): Promise<MollieStandIn> {
  const payments = new Map<string, StoredPayment>();
  const log = options.log ?? (() => undefined);
  let origin = "";

  async function setStatus(payment: StoredPayment, status: MollieStandInStatus, calls: number) {
    payment.status = status;
    if (status === "paid") payment.paidAt ??= new Date().toISOString();
    if (status === "paid") payment.method ??= "bancontact";
    for (let i = 0; i < calls && payment.webhookUrl; i++) {
      const code = await notify(payment.webhookUrl, {
        contentType: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ id: payment.id }).toString(),
      });
      payment.webhookResponses.push(code);
      log(`webhook ${payment.id} (${status}) → ${code}`);
    }
  }

  function find(id: string, apiKey?: string): StoredPayment {
    const payment = payments.get(id);
    // A payment belongs to the key (profile) that created it, as at Mollie.
    if (!payment || (apiKey && payment.apiKey !== apiKey)) throw notFound(id);
    return payment;
  }

  async function createPayment(req: IncomingMessage, res: ServerResponse) {
    const { apiKey, mode } = authenticate(req);
    const body = parseJsonBody(await readBody(req)) as Record<string, unknown>;
    const amount = body.amount as { currency?: unknown; value?: unknown } | undefined;
    if (typeof amount?.value !== "string" || !VALUE_SHAPE.test(amount.value))
      throw unprocessable("The amount value must be a string with two decimals", "amount.value");
    if (amount.currency !== "EUR") throw unprocessable("Unsupported currency", "amount.currency");
    if (typeof body.description !== "string" || body.description.length === 0)
      throw unprocessable("The description is invalid", "description");
    if (typeof body.redirectUrl !== "string")
      throw unprocessable("The redirect URL is invalid", "redirectUrl");
    const id = `tr_${randomBytes(8).toString("hex")}`;
    // One reading of the clock: the payment lives exactly 15 minutes from its creation.
    const created = Date.now();
    const payment: StoredPayment = {
      id,
      apiKey,
      mode,
      createdAt: new Date(created).toISOString(),
      status: "open",
      amount: { currency: amount.currency, value: amount.value },
      description: body.description,
      redirectUrl: body.redirectUrl,
      webhookUrl: typeof body.webhookUrl === "string" ? body.webhookUrl : null,
      metadata: body.metadata ?? null,
      locale: typeof body.locale === "string" ? body.locale : null,
      method: null,
      expiresAt: new Date(created + 15 * 60_000).toISOString(),
      webhookResponses: [],
    };
    payments.set(id, payment);
    log(`created ${id} ${payment.amount.value} ${payment.description}`);
    sendJson(res, 201, view(payment, origin));
  }

  function checkoutPage(payment: StoredPayment): string {
    const choices = ["paid", "failed", "expired", "canceled"]
      .map(
        (status) =>
          `<button name="status" value="${status}">${status[0]?.toUpperCase()}${status.slice(1)}</button>`,
      )
      .join(" ");
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mollie checkout (stand-in)</title></head>
<body><main><h1>Mollie test payment</h1>
<p>${escapeHtml(payment.description)}: € ${payment.amount.value}</p>
<p>Status: <strong id="status">${payment.status}</strong></p>
<form method="post">${choices}</form></main></body></html>`;
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL) {
    const method = req.method ?? "GET";
    const path = url.pathname.replace(/^\/v2\//, "/api/");
    const paymentMatch = /^\/api\/payments\/([^/]+)$/.exec(path);
    const checkoutMatch = /^\/checkout\/([^/]+)$/.exec(path);
    const controlMatch = /^\/control\/payments\/([^/]+)(\/status)?$/.exec(path);

    if (path === "/control/health") return sendJson(res, 200, { ok: true });
    if (path === "/api/payments" && method === "POST") return createPayment(req, res);
    if (path === "/api/payments" && method === "GET") {
      const { apiKey } = authenticate(req);
      const mine = [...payments.values()].filter((p) => p.apiKey === apiKey).slice(0, 1);
      return sendJson(res, 200, {
        count: mine.length,
        _embedded: { payments: mine.map((p) => view(p, origin)) },
        _links: { self: { href: `${origin}/v2/payments` }, previous: null, next: null },
      });
    }
    if (paymentMatch && method === "GET") {
      const { apiKey } = authenticate(req);
      return sendJson(res, 200, view(find(paymentMatch[1] ?? "", apiKey), origin));
    }
    if (checkoutMatch) {
      const payment = find(checkoutMatch[1] ?? "");
      if (method === "GET") return sendHtml(res, 200, checkoutPage(payment));
      const status = parseForm(await readBody(req)).status as MollieStandInStatus;
      if (!molliePaymentStatuses.includes(status)) throw new HttpError(400, "Unknown status");
      if (payment.status === "open") await setStatus(payment, status, 1);
      return redirect(res, payment.redirectUrl, 303);
    }
    if (controlMatch) {
      const payment = find(controlMatch[1] ?? "");
      if (method === "GET" && !controlMatch[2]) return sendJson(res, 200, payment);
      if (!controlMatch[2] || method !== "POST") throw new HttpError(405, "Use POST …/status");
      const body = parseJsonBody(await readBody(req)) as {
        status?: unknown;
        webhookCalls?: unknown;
      };
      const status = body.status as MollieStandInStatus;
      if (!molliePaymentStatuses.includes(status)) throw new HttpError(400, "Unknown status");
      await setStatus(
        payment,
        status,
        typeof body.webhookCalls === "number" ? body.webhookCalls : 1,
      );
      return sendJson(res, 200, payment);
    }
    throw new HttpError(404, `Not found: ${method} ${url.pathname}`);
  }

  const running = await listen(options.port ?? 0, route);
  origin = running.origin;
  return { ...running, payments };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
