import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startShopifySimulator, type RunningSimulator } from "./server";
import { webhookHmac } from "./sign";
import { REPO_SHOPIFY_FIXTURES, SHOP_QUERY, WEBHOOK_SUBSCRIPTION_CREATE } from "./test-support";
import { adminGraphql, control, installApp } from "./testing";
import { type Receiver, type ReceivedWebhook, startReceiver } from "./test-receiver";

/** Webhooks leave the simulator signed, with Shopify's headers, retried on failure. */

const SHOP = "hooks-test.myshopify.com";
const SECRET = "facturo-dev-secret";
const shopify = shopifyApi({
  apiKey: "facturo-dev",
  apiSecretKey: SECRET,
  scopes: ["read_orders"],
  hostName: "localhost:3000",
  hostScheme: "http",
  apiVersion: ApiVersion.July26,
  isEmbeddedApp: false,
  logger: { level: LogSeverity.Error },
});

let sim: RunningSimulator;
let receiver: Receiver;
let token: string;

beforeAll(async () => {
  receiver = await startReceiver();
  sim = await startShopifySimulator({
    port: 0,
    retries: 3,
    retryDelaysMs: [30, 30, 30],
    webhookTimeoutMs: 300,
    complianceUrl: `${receiver.url}?compliance=1`,
    fixturesDir: REPO_SHOPIFY_FIXTURES,
  });
});

afterAll(async () => {
  await sim.close();
  await receiver.close();
});

beforeEach(async () => {
  await control(sim.origin, "/reset", {});
  receiver.received.length = 0;
  receiver.respondWith([]);
  receiver.stallFor(0);
  token = (await installApp({ origin: sim.origin, shop: SHOP })).accessToken;
});

afterEach(() => {
  sim.simulator.stopTimers();
});

async function subscribe(topic: string, uri = receiver.url, version = "2026-07") {
  const answer = await adminGraphql(
    sim.origin,
    SHOP,
    token,
    WEBHOOK_SUBSCRIPTION_CREATE,
    { topic, webhookSubscription: { uri } },
    version,
  );
  expect(answer.body).toMatchObject({
    data: { webhookSubscriptionCreate: { userErrors: [] } },
  });
}

function header(webhook: ReceivedWebhook, name: string): string {
  const value = webhook.headers[name.toLowerCase()];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

function topics(list: ReceivedWebhook[]): string[] {
  return list.map((w) => header(w, "X-Shopify-Topic"));
}

async function placeFixture(body: Record<string, unknown> = {}) {
  return control<{ order: { id: number; name: string }; deliveryIds: string[] }>(
    sim.origin,
    `/shops/${SHOP}/orders`,
    { fixture: "eu-be-b2c-21-paid-fr.json", ...body },
  );
}

describe("order webhooks", () => {
  it("placing a paid order sends orders/create then orders/paid, signed, with every header", async () => {
    await subscribe("ORDERS_CREATE", receiver.url, "2026-04");
    await subscribe("ORDERS_PAID");
    const placed = await placeFixture();
    expect(placed.status).toBe(201);
    expect(placed.body.order.name).toBe("#1001");
    expect(String(placed.body.order.id)).toMatch(/^\d{13}$/);
    expect(placed.body.deliveryIds).toHaveLength(2);

    // The control call waits for the first attempts: both are already there.
    expect(topics(receiver.received)).toEqual(["orders/create", "orders/paid"]);
    const [create, paid] = receiver.received as [ReceivedWebhook, ReceivedWebhook];
    expect(header(create, "Content-Type")).toBe("application/json");
    expect(header(create, "X-Shopify-Shop-Domain")).toBe(SHOP);
    expect(header(create, "X-Shopify-API-Version")).toBe("2026-04");
    expect(header(paid, "X-Shopify-API-Version")).toBe("2026-07");
    expect(header(create, "X-Shopify-Webhook-Id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(header(create, "X-Shopify-Event-Id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(header(create, "X-Shopify-Event-Id")).not.toBe(header(paid, "X-Shopify-Event-Id"));
    expect(new Date(header(create, "X-Shopify-Triggered-At")).getTime()).toBeGreaterThan(
      Date.now() - 60_000,
    );
    expect(header(create, "X-Shopify-Hmac-Sha256")).toBe(webhookHmac(create.body, SECRET));

    const order = JSON.parse(create.body) as { id: number; name: string; line_items: unknown[] };
    expect(order.id).toBe(placed.body.order.id);
    expect(order.line_items).toHaveLength(2);

    // And the library accepts it as a valid webhook.
    const check = await shopify.webhooks.validate({
      rawBody: create.body,
      rawRequest: new Request(receiver.url, {
        method: "POST",
        headers: create.headers as Record<string, string>,
        body: create.body,
      }),
    });
    expect(check).toMatchObject({ valid: true, topic: "ORDERS_CREATE", domain: SHOP });
  });

  it("numbers orders per shop and gives them fresh ids", async () => {
    const first = await placeFixture();
    const second = await placeFixture();
    expect(second.body.order.name).toBe("#1002");
    expect(second.body.order.id).not.toBe(first.body.order.id);
  });

  it("retries a failed delivery with the same body and webhook id until it succeeds", async () => {
    await subscribe("ORDERS_CREATE");
    receiver.respondWith([500, 503]);
    await placeFixture({ fixture: "eu-be-mixed-6-21-unpaid-nl.json" });
    const [a, b, c] = (await receiver.waitFor(3)) as [
      ReceivedWebhook,
      ReceivedWebhook,
      ReceivedWebhook,
    ];
    expect(new Set([a.body, b.body, c.body]).size).toBe(1);
    expect(new Set([a, b, c].map((w) => header(w, "X-Shopify-Webhook-Id"))).size).toBe(1);
    expect(new Set([a, b, c].map((w) => header(w, "X-Shopify-Triggered-At"))).size).toBe(1);

    const { body } = await control<{
      deliveries: Array<{ status: string; attempts: Array<{ statusCode: number; ok: boolean }> }>;
    }>(sim.origin, `/shops/${SHOP}/deliveries`);
    await expect.poll(() => sim.state.shops.get(SHOP)?.deliveries[0]?.status).toBe("delivered");
    expect(body.deliveries[0]?.attempts.map((x) => x.statusCode)).toEqual(
      expect.arrayContaining([500, 503]),
    );
    expect(sim.state.shops.get(SHOP)?.deliveries[0]?.attempts.map((x) => x.statusCode)).toEqual([
      500, 503, 200,
    ]);
  });

  it("counts a slow answer as a failure and gives up after the configured retries", async () => {
    await subscribe("ORDERS_CREATE");
    receiver.stallFor(1000);
    await placeFixture({ fixture: "eu-be-mixed-6-21-unpaid-nl.json" });
    await expect
      .poll(() => sim.state.shops.get(SHOP)?.deliveries[0]?.status, { timeout: 5000 })
      .toBe("failed");
    const attempts = sim.state.shops.get(SHOP)?.deliveries[0]?.attempts ?? [];
    expect(attempts).toHaveLength(4); // first attempt + 3 retries
    expect(attempts[0]?.error).toContain("timeout");
  });

  it("twice: the same webhook id arrives two times", async () => {
    await subscribe("ORDERS_CREATE");
    await placeFixture({ fixture: "eu-be-mixed-6-21-unpaid-nl.json", deliver: { twice: true } });
    const [a, b] = (await receiver.waitFor(2)) as [ReceivedWebhook, ReceivedWebhook];
    expect(header(a, "X-Shopify-Webhook-Id")).toBe(header(b, "X-Shopify-Webhook-Id"));
    expect(a.body).toBe(b.body);
  });

  it("reversed: orders/paid arrives before orders/create", async () => {
    await subscribe("ORDERS_CREATE");
    await subscribe("ORDERS_PAID");
    await placeFixture({ deliver: { reversed: true } });
    expect(topics(await receiver.waitFor(2))).toEqual(["orders/paid", "orders/create"]);
  });

  it("delayMs: the control call answers before the webhook is sent", async () => {
    await subscribe("ORDERS_CREATE");
    await placeFixture({ fixture: "eu-be-mixed-6-21-unpaid-nl.json", deliver: { delayMs: 150 } });
    expect(receiver.received).toHaveLength(0);
    await receiver.waitFor(1);
  });

  it("pay, fulfil, refund and cancel send their topics and update the order", async () => {
    for (const topic of [
      "ORDERS_PAID",
      "ORDERS_FULFILLED",
      "ORDERS_CANCELLED",
      "ORDERS_UPDATED",
      "REFUNDS_CREATE",
    ]) {
      await subscribe(topic);
    }
    const placed = await placeFixture({ fixture: "eu-be-mixed-6-21-unpaid-nl.json" });
    const id = placed.body.order.id;
    const path = `/shops/${SHOP}/orders/${id}`;

    const paid = await control<{ order: { financial_status: string } }>(
      sim.origin,
      `${path}/pay`,
      {},
    );
    expect(paid.body.order.financial_status).toBe("paid");
    const fulfilled = await control<{
      order: { fulfillment_status: string; fulfillments: unknown[] };
    }>(sim.origin, `${path}/fulfil`, {});
    expect(fulfilled.body.order.fulfillment_status).toBe("fulfilled");
    expect(fulfilled.body.order.fulfillments).toHaveLength(1);
    const refunded = await control<{
      refund: {
        refund_line_items: Array<{ quantity: number }>;
        transactions: Array<{ kind: string }>;
      };
      order: { financial_status: string };
    }>(sim.origin, `${path}/refund`, {});
    expect(refunded.body.refund.refund_line_items).toHaveLength(1);
    expect(refunded.body.refund.transactions[0]?.kind).toBe("refund");
    expect(refunded.body.order.financial_status).toBe("partially_refunded");
    const cancelled = await control<{ order: { cancel_reason: string; cancelled_at: string } }>(
      sim.origin,
      `${path}/cancel`,
      {},
    );
    expect(cancelled.body.order.cancel_reason).toBe("customer");

    expect(topics(receiver.received)).toEqual([
      "orders/paid",
      "orders/updated",
      "orders/fulfilled",
      "orders/updated",
      "refunds/create",
      "orders/updated",
      "orders/cancelled",
      "orders/updated",
    ]);
    const refundBody = JSON.parse(receiver.received[4]?.body ?? "{}") as { order_id: number };
    expect(refundBody.order_id).toBe(id);

    const again = await control<{ error: string }>(sim.origin, `${path}/cancel`, {});
    expect(again.status).toBe(409);
  });

  it("redelivers a delivery with the same webhook id", async () => {
    await subscribe("ORDERS_CREATE");
    const placed = await placeFixture({ fixture: "eu-be-mixed-6-21-unpaid-nl.json" });
    const deliveryId = placed.body.deliveryIds[0] ?? "";
    await control(sim.origin, `/shops/${SHOP}/webhooks/${deliveryId}/redeliver`, {});
    const [a, b] = (await receiver.waitFor(2)) as [ReceivedWebhook, ReceivedWebhook];
    expect(header(b, "X-Shopify-Webhook-Id")).toBe(header(a, "X-Shopify-Webhook-Id"));
  });

  it("validates control bodies with a 400", async () => {
    const bad = await control<{ error: string }>(sim.origin, `/shops/${SHOP}/orders`, {
      fixture: "a.json",
      order: {},
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain("exactly one");
    const unknown = await control<{ error: string }>(sim.origin, `/shops/${SHOP}/orders`, {
      fixture: "../../etc/passwd",
    });
    expect(unknown.status).toBe(400);
  });
});

describe("uninstall and compliance", () => {
  it("uninstall revokes tokens, deletes subscriptions and sends app/uninstalled", async () => {
    await subscribe("APP_UNINSTALLED");
    await subscribe("ORDERS_CREATE");
    const result = await control<{ deliveryIds: string[] }>(
      sim.origin,
      `/shops/${SHOP}/uninstall`,
      {},
    );
    expect(result.body.deliveryIds).toHaveLength(1);
    const [webhook] = (await receiver.waitFor(1)) as [ReceivedWebhook];
    expect(header(webhook, "X-Shopify-Topic")).toBe("app/uninstalled");
    expect(JSON.parse(webhook.body)).toMatchObject({ myshopify_domain: SHOP, domain: SHOP });

    const denied = await adminGraphql(sim.origin, SHOP, token, SHOP_QUERY);
    expect(denied.status).toBe(401);
    const state = await control<{ installed: boolean; subscriptions: unknown[] }>(
      sim.origin,
      `/shops/${SHOP}`,
    );
    expect(state.body.installed).toBe(false);
    expect(state.body.subscriptions).toEqual([]);

    // Orders placed after uninstalling reach nobody.
    await placeFixture();
    expect(receiver.received).toHaveLength(1);
  });

  it("schedules shop/redact after an uninstall when asked", async () => {
    await control(sim.origin, `/shops/${SHOP}/uninstall`, { shopRedactAfterMs: 50 });
    const [redact] = (await receiver.waitFor(1)) as [ReceivedWebhook];
    expect(header(redact, "X-Shopify-Topic")).toBe("shop/redact");
    expect(redact.path).toContain("compliance=1");
    expect(JSON.parse(redact.body)).toEqual({
      shop_id: sim.state.shops.get(SHOP)?.id,
      shop_domain: SHOP,
    });
  });

  it("sends compliance webhooks to the configured compliance URL, signed", async () => {
    await placeFixture();
    const sent = await control<{ payload: Record<string, unknown> }>(
      sim.origin,
      `/shops/${SHOP}/compliance/customers-data-request`,
      { data_request: { id: 42 } },
    );
    const [webhook] = (await receiver.waitFor(1)) as [ReceivedWebhook];
    expect(header(webhook, "X-Shopify-Topic")).toBe("customers/data_request");
    expect(header(webhook, "X-Shopify-Hmac-Sha256")).toBe(webhookHmac(webhook.body, SECRET));
    const body = JSON.parse(webhook.body) as Record<string, unknown>;
    expect(body).toEqual(sent.body.payload);
    expect(body).toMatchObject({
      shop_domain: SHOP,
      data_request: { id: 42 },
      customer: { email: "louise.dubois@example.be" },
    });
    expect(body.orders_requested).toHaveLength(1);
  });
});
