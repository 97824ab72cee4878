import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SHOPIFY_ORDER_FIXTURES } from "@/test/fixtures";
import { APP_URL, FAULTS_SHOPIFY } from "./stack";

/**
 * Shopify's side of the webhook contract, over real HTTP: signed deliveries, and a
 * sender that retries every non-2xx answer (as Shopify does, only faster) and
 * counts a delivery as acknowledged only when it got a 2xx.
 */
export const FIXTURES_DIR = SHOPIFY_ORDER_FIXTURES;

export type Order = Record<string, unknown>;

/** A real order payload (eu-be-b2c-21-paid-fr by default) made into a distinct order. */
export function makeOrder(
  n: number,
  overrides: Order = {},
  fixture = "eu-be-b2c-21-paid-fr.json",
): Order {
  const order = JSON.parse(readFileSync(path.join(FIXTURES_DIR, fixture), "utf8")) as Order;
  const id = 7_000_000_000_000 + n;
  return {
    ...order,
    id,
    admin_graphql_api_id: `gid://shopify/Order/${id}`,
    name: `#F${n}`,
    order_number: 100_000 + n,
    number: 100_000 + n,
    ...overrides,
  };
}

export interface Delivery {
  topic: string;
  shop: string;
  body: string;
  webhookId: string;
  /** Override or drop (null) headers, for hostile cases. */
  headers?: Record<string, string | null>;
  secret?: string;
}

export function delivery(topic: string, shop: string, payload: unknown, webhookId = randomUUID()) {
  return { topic, shop, body: JSON.stringify(payload), webhookId } satisfies Delivery;
}

export function signedHeaders(d: Delivery): Headers {
  const headers = new Headers({
    "content-type": "application/json",
    "x-shopify-topic": d.topic,
    "x-shopify-hmac-sha256": createHmac("sha256", d.secret ?? FAULTS_SHOPIFY.secret)
      .update(d.body, "utf8")
      .digest("base64"),
    "x-shopify-shop-domain": d.shop,
    "x-shopify-api-version": "2026-07",
    "x-shopify-webhook-id": d.webhookId,
    "x-shopify-event-id": randomUUID(),
    "x-shopify-triggered-at": new Date().toISOString(),
  });
  for (const [name, value] of Object.entries(d.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  return headers;
}

/** One POST; a connection refused or reset is status 0. */
export async function post(d: Delivery, body: string = d.body): Promise<number> {
  try {
    const response = await fetch(`${APP_URL}/api/shopify/webhooks`, {
      method: "POST",
      headers: signedHeaders(d),
      body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

export interface SendStats {
  /** Every answer seen, retries included, by status (0 = no answer). */
  statuses: Map<number, number>;
  acknowledged: number;
  attempts: number;
}

export function newStats(): SendStats {
  return { statuses: new Map(), acknowledged: 0, attempts: 0 };
}

export const serverErrorsIn = (stats: SendStats, allowed: readonly number[] = []) =>
  [...stats.statuses]
    .filter(([s]) => s >= 500 && !allowed.includes(s))
    .reduce((n, [, c]) => n + c, 0);

/** Sends until a 2xx, retrying like Shopify; gives up after `deadlineMs` (counted as not acknowledged). */
export async function deliverUntilAcknowledged(
  d: Delivery,
  stats: SendStats,
  deadlineMs = 120_000,
  onAnswer?: (status: number) => void,
): Promise<boolean> {
  const giveUpAt = Date.now() + deadlineMs;
  for (let attempt = 0; Date.now() < giveUpAt; attempt++) {
    const status = await post(d);
    onAnswer?.(status);
    stats.attempts++;
    stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
    if (status >= 200 && status < 300) {
      stats.acknowledged++;
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** attempt, 2_000)));
  }
  return false;
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await task(items[index] as T, index);
      }
    }),
  );
}
