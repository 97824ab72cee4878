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
 * A local Bancontact Pro (ex-Payconiq) Merchant Payment API v3, the subset Facturo
 * calls: create a payment, get it, search (the key check). `_links.deeplink` opens a
 * page standing in for the Bancontact Pay app, where the payer pays or cancels. Like
 * the real service it POSTs the payment as JSON to the callbackUrl on every final
 * status (with a `Signature` header that is not a real JWS: Facturo re-fetches).
 *
 *   POST /v3/payments     GET|DELETE /v3/payments/{id}     POST /v3/payments/search
 *   GET|POST /pay/2/{id}  the payer's app (Pay / Cancel)
 *   POST /control/payments/{id}/status  { status, callbackCalls? }  set a status, call back
 *   GET  /control/payments/{id}   GET /control/health
 *
 * Any API key of 8 or more characters is accepted unless it contains "revoked".
 */

export const bancontactStatuses = [
  "PENDING",
  "IDENTIFIED",
  "AUTHORIZED",
  "AUTHORIZATION_FAILED",
  "SUCCEEDED",
  "FAILED",
  "CANCELLED",
  "EXPIRED",
] as const;
export type BancontactStandInStatus = (typeof bancontactStatuses)[number];

const FINAL: readonly BancontactStandInStatus[] = [
  "SUCCEEDED",
  "FAILED",
  "CANCELLED",
  "EXPIRED",
  "AUTHORIZATION_FAILED",
];

interface StoredPayment {
  paymentId: string;
  apiKey: string;
  status: BancontactStandInStatus;
  createdAt: string;
  expiresAt: string;
  succeededAt?: string;
  amount: number;
  currency: string;
  reference: string;
  description: string;
  callbackUrl: string | null;
  returnUrl: string | null;
  callbackResponses: number[];
}

export interface BancontactStandIn extends RunningStandIn {
  payments: Map<string, StoredPayment>;
}

function apiError(status: number, code: string, message: string): HttpError {
  return new HttpError(status, message, { code, message, traceId: randomBytes(8).toString("hex") });
}

function authenticate(req: IncomingMessage): string {
  const apiKey = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
  if (apiKey.length < 8 || apiKey.includes("revoked"))
    throw apiError(401, "UNAUTHORIZED", "Unauthorized");
  return apiKey;
}

function view(payment: StoredPayment, origin: string) {
  return {
    paymentId: payment.paymentId,
    status: payment.status,
    createdAt: payment.createdAt,
    expiresAt: payment.expiresAt,
    ...(payment.succeededAt ? { succeededAt: payment.succeededAt } : {}),
    amount: payment.amount,
    currency: payment.currency,
    reference: payment.reference,
    description: payment.description,
    creditor: {
      profileId: "standin-profile",
      merchantId: "standin-merchant",
      name: "Stand-in merchant",
      iban: "BE68539007547034",
      callbackUrl: payment.callbackUrl,
    },
    ...(payment.status === "SUCCEEDED" ? { debtor: { name: "Jan", iban: "***********4321" } } : {}),
    _links: {
      self: { href: `${origin}/v3/payments/${payment.paymentId}` },
      deeplink: { href: `${origin}/pay/2/${payment.paymentId}` },
      qrcode: {
        href: `${origin}/qrcode?c=${encodeURIComponent(`${origin}/pay/2/${payment.paymentId}`)}`,
      },
      cancel: { href: `${origin}/v3/payments/${payment.paymentId}` },
      checkout: { href: `${origin}/pay/2/${payment.paymentId}` },
    },
  };
}

export async function startBancontactStandIn(options: {
  port?: number;
  log?: (line: string) => void;
}): Promise<BancontactStandIn> {
  const payments = new Map<string, StoredPayment>();
  const log = options.log ?? (() => undefined);
  let origin = "";

  async function setStatus(payment: StoredPayment, status: BancontactStandInStatus, calls: number) {
    payment.status = status;
    if (status === "SUCCEEDED") payment.succeededAt ??= new Date().toISOString();
    for (let i = 0; i < calls && payment.callbackUrl; i++) {
      const code = await notify(payment.callbackUrl, {
        contentType: "application/json",
        headers: { Signature: "stand-in.not-a-real-jws" },
        body: JSON.stringify(view(payment, origin)),
      });
      payment.callbackResponses.push(code);
      log(`callback ${payment.paymentId} (${status}) → ${code}`);
    }
  }

  function find(id: string, apiKey?: string): StoredPayment {
    const payment = payments.get(id);
    if (!payment || (apiKey && payment.apiKey !== apiKey))
      throw apiError(404, "PAYMENT_NOT_FOUND", "Payment not found");
    return payment;
  }

  async function createPayment(req: IncomingMessage, res: ServerResponse) {
    const apiKey = authenticate(req);
    const body = parseJsonBody(await readBody(req)) as Record<string, unknown>;
    if (!Number.isSafeInteger(body.amount) || (body.amount as number) <= 0)
      throw apiError(400, "INVALID_AMOUNT", "Amount must be a positive number of cents");
    if (body.currency !== undefined && body.currency !== "EUR")
      throw apiError(400, "INVALID_CURRENCY", "Currency must be EUR");
    const reference = typeof body.reference === "string" ? body.reference : "";
    if (reference.length > 35) throw apiError(400, "INVALID_REFERENCE", "Reference too long");
    const description = typeof body.description === "string" ? body.description : "";
    if (description.length > 140)
      throw apiError(400, "INVALID_DESCRIPTION", "Description too long");
    const now = Date.now();
    const payment: StoredPayment = {
      paymentId: randomBytes(12).toString("hex"),
      apiKey,
      status: "PENDING",
      createdAt: new Date(now).toISOString(),
      // Online payments are valid 20 minutes.
      expiresAt: new Date(now + 20 * 60_000).toISOString(),
      amount: body.amount as number,
      currency: "EUR",
      reference,
      description,
      callbackUrl: typeof body.callbackUrl === "string" ? body.callbackUrl : null,
      returnUrl: typeof body.returnUrl === "string" ? body.returnUrl : null,
      callbackResponses: [],
    };
    payments.set(payment.paymentId, payment);
    log(`created ${payment.paymentId} ${payment.amount} ${payment.reference}`);
    sendJson(res, 201, view(payment, origin));
  }

  function appPage(payment: StoredPayment): string {
    const euros = (payment.amount / 100).toFixed(2);
    const buttons = FINAL.includes(payment.status)
      ? ""
      : `<form method="post"><button name="status" value="SUCCEEDED">Pay € ${euros}</button>
<button name="status" value="CANCELLED">Cancel</button></form>`;
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bancontact Pay (stand-in)</title></head>
<body><main><h1>Bancontact Pay</h1><p>${escapeHtml(payment.description)}</p>
<p>Status: <strong id="status">${payment.status}</strong></p>${buttons}</main></body></html>`;
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL) {
    const method = req.method ?? "GET";
    const path = url.pathname;
    const paymentMatch = /^\/v3\/payments\/([^/]+)$/.exec(path);
    const payMatch = /^\/pay\/2\/([^/]+)$/.exec(path);
    const controlMatch = /^\/control\/payments\/([^/]+)(\/status)?$/.exec(path);

    if (path === "/control/health") return sendJson(res, 200, { ok: true });
    if (path === "/v3/payments" && method === "POST") return createPayment(req, res);
    if (path === "/v3/payments/search" && method === "POST") {
      const apiKey = authenticate(req);
      const mine = [...payments.values()].filter((p) => p.apiKey === apiKey);
      return sendJson(res, 200, {
        size: Number(url.searchParams.get("size") ?? 50),
        totalPages: mine.length ? 1 : 0,
        totalElements: mine.length,
        number: 0,
        details: mine.slice(0, 1).map((p) => view(p, origin)),
      });
    }
    if (paymentMatch && method === "GET")
      return sendJson(res, 200, view(find(paymentMatch[1] ?? "", authenticate(req)), origin));
    if (paymentMatch && method === "DELETE") {
      // `_links.cancel`: the merchant withdraws a payment the payer has not finished.
      const payment = find(paymentMatch[1] ?? "", authenticate(req));
      if (FINAL.includes(payment.status))
        throw apiError(422, "CANCELLATION_NOT_ALLOWED", "Payment can no longer be cancelled");
      await setStatus(payment, "CANCELLED", 1);
      res.writeHead(204).end();
      return;
    }
    if (payMatch) {
      const payment = find(payMatch[1] ?? "");
      if (method === "GET") return sendHtml(res, 200, appPage(payment));
      const status = parseForm(await readBody(req)).status as BancontactStandInStatus;
      if (status !== "SUCCEEDED" && status !== "CANCELLED")
        throw new HttpError(400, "Pay or cancel");
      if (!FINAL.includes(payment.status)) await setStatus(payment, status, 1);
      if (payment.returnUrl) return redirect(res, payment.returnUrl, 303);
      return sendHtml(res, 200, appPage(payment));
    }
    if (controlMatch) {
      const payment = find(controlMatch[1] ?? "");
      if (method === "GET" && !controlMatch[2]) return sendJson(res, 200, payment);
      if (!controlMatch[2] || method !== "POST") throw new HttpError(405, "Use POST …/status");
      const body = parseJsonBody(await readBody(req)) as {
        status?: unknown;
        callbackCalls?: unknown;
      };
      const status = body.status as BancontactStandInStatus;
      if (!bancontactStatuses.includes(status)) throw new HttpError(400, "Unknown status");
      await setStatus(
        payment,
        status,
        typeof body.callbackCalls === "number" ? body.callbackCalls : 1,
      );
      return sendJson(res, 200, payment);
    }
    throw new HttpError(404, `Not found: ${method} ${path}`);
  }

  const running = await listen(options.port ?? 0, route);
  origin = running.origin;
  return { ...running, payments };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
