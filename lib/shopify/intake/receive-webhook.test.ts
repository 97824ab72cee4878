import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db";
import { markDisconnected } from "@/db/queries/shopify-connections";
import { shopifyWebhookDeliveries } from "@/db/schema";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { testJobContext } from "@/lib/jobs/testing/test-worker";
import { tenant, type Tenant } from "@/db/tenant";
import type { AppConfig } from "@/lib/config/env";
import {
  connectTestShop,
  signedWebhookRequest,
  TEST_SHOPIFY_ENV,
} from "../testing/shopify-test-env";
import { receiveWebhook } from "./receive-webhook";
import { PRIVACY_TOPICS } from "./webhook-topics";

let handle: DbHandle;
let config: AppConfig;
let t: Tenant;
let shop: string;
let enqueued: { organisationId: string; deliveryId: string }[];

const receive = (request: Request, maxBodyBytes?: number) =>
  receiveWebhook(
    {
      db: handle.db,
      config,
      enqueueDelivery: async (d) => enqueued.push(d),
      ...(maxBodyBytes ? { maxBodyBytes } : {}),
    },
    request,
  );

const storedFor = (webhookId: string) =>
  handle.db
    .select()
    .from(shopifyWebhookDeliveries)
    .where(eq(shopifyWebhookDeliveries.webhookId, webhookId));

const order = JSON.stringify({
  id: 6190371946013,
  admin_graphql_api_id: "gid://shopify/Order/6190371946013",
  name: "#1042",
});

/** An order of another shop: Shopify's order ids are unique across shops. */
const anotherOrder = () => {
  const id = Math.floor(Math.random() * 1e12);
  return JSON.stringify({ id, admin_graphql_api_id: `gid://shopify/Order/${id}`, name: "#7" });
};

beforeAll(async () => {
  handle = await openTestDb();
  config = testJobContext(handle, TEST_SHOPIFY_ENV).config;
  const user = await createUser(handle.db);
  t = tenant((await createOrg(handle.db, user.id)).id);
  shop = `shop-${uniqueSuffix()}.myshopify.com`;
  await connectTestShop(handle.db, t, shop, config.ENCRYPTION_KEY);
});

afterAll(async () => {
  await handle?.close();
});

beforeEach(() => {
  enqueued = [];
});

describe("receiveWebhook", () => {
  it("stores a signed delivery for a connected shop and queues it", async () => {
    const webhookId = crypto.randomUUID();
    const result = await receive(
      signedWebhookRequest({ topic: "orders/create", shop, body: order, webhookId }),
    );
    expect(result).toMatchObject({ status: 200, reason: "accepted" });
    const [row] = await storedFor(webhookId);
    expect(row).toMatchObject({
      organisationId: t.organisationId,
      topic: "orders/create",
      shop,
      status: "received",
      rawBody: order,
      resourceId: "6190371946013",
      apiVersion: "2026-07",
    });
    expect(row?.eventId).toBeTruthy();
    expect(row?.triggeredAt).toBeInstanceOf(Date);
    expect(enqueued).toEqual([{ organisationId: t.organisationId, deliveryId: row?.id }]);
  });

  it("acknowledges a repeated webhook id without storing it twice", async () => {
    const webhookId = crypto.randomUUID();
    const send = () =>
      receive(signedWebhookRequest({ topic: "orders/paid", shop, body: order, webhookId }));
    expect((await send()).reason).toBe("accepted");
    const again = await Promise.all(Array.from({ length: 9 }, send));
    expect(again.every((r) => r.status === 200 && r.reason === "duplicate")).toBe(true);
    const rows = await storedFor(webhookId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.duplicates).toBe(9);
  });

  it("refuses a wrong signature with 401 and stores nothing", async () => {
    const webhookId = crypto.randomUUID();
    const request = signedWebhookRequest({
      topic: "orders/create",
      shop,
      body: order,
      webhookId,
      secret: "not-the-secret",
    });
    expect(await receive(request)).toMatchObject({ status: 401, reason: "invalid_hmac" });
    expect(await storedFor(webhookId)).toHaveLength(0);
    expect(enqueued).toHaveLength(0);
  });

  it("refuses a body changed after signing (one extra space)", async () => {
    const webhookId = crypto.randomUUID();
    const signed = signedWebhookRequest({ topic: "orders/create", shop, body: order, webhookId });
    const tampered = new Request(signed.url, {
      method: "POST",
      headers: signed.headers,
      body: `${order} `,
    });
    expect((await receive(tampered)).status).toBe(401);
    expect(await storedFor(webhookId)).toHaveLength(0);
  });

  it("answers each compliance topic 200 with a valid HMAC, 401 with a wrong or missing one (App review)", async () => {
    const body = JSON.stringify({ shop_id: 1, shop_domain: shop });
    for (const topic of PRIVACY_TOPICS) {
      const signed = await receive(signedWebhookRequest({ topic, shop, body }));
      expect(signed, topic).toMatchObject({ status: 200 });
      const forged = await receive(
        signedWebhookRequest({ topic, shop, body, secret: "not-the-secret" }),
      );
      expect(forged.status, topic).toBe(401);
      const unsigned = await receive(
        signedWebhookRequest({ topic, shop, body, headers: { "x-shopify-hmac-sha256": null } }),
      );
      expect(unsigned.status, topic).toBe(401);
    }
  });

  it("refuses a missing signature with 401 and missing headers with 400", async () => {
    const noHmac = signedWebhookRequest({
      topic: "orders/create",
      shop,
      body: order,
      headers: { "x-shopify-hmac-sha256": null },
    });
    expect((await receive(noHmac)).status).toBe(401);
    const noTopic = signedWebhookRequest({
      topic: "orders/create",
      shop,
      body: order,
      headers: { "x-shopify-topic": null },
    });
    expect(await receive(noTopic)).toMatchObject({ status: 400, reason: "missing_headers" });
  });

  it("keeps a signed delivery that is not JSON, marked failed, without queueing it", async () => {
    const webhookId = crypto.randomUUID();
    const body = '{"id": 1, "name": "#10';
    const result = await receive(
      signedWebhookRequest({ topic: "orders/create", shop, body, webhookId }),
    );
    expect(result).toMatchObject({ status: 200, reason: "unparseable" });
    const [row] = await storedFor(webhookId);
    expect(row).toMatchObject({ status: "failed", outcome: "unparseable", rawBody: body });
    expect(enqueued).toHaveLength(0);
  });

  it("answers 200 for an unknown shop and keeps the delivery, owned by no organisation", async () => {
    const webhookId = crypto.randomUUID();
    const stranger = `stranger-${uniqueSuffix()}.myshopify.com`;
    const result = await receive(
      signedWebhookRequest({
        topic: "orders/create",
        shop: stranger,
        body: anotherOrder(),
        webhookId,
      }),
    );
    expect(result).toMatchObject({ status: 200, reason: "unknown_shop" });
    const [row] = await storedFor(webhookId);
    expect(row).toMatchObject({ organisationId: null, status: "ignored", outcome: "unknown_shop" });
    expect(enqueued).toHaveLength(0);
  });

  it("refuses an oversized body with 413 before reading it, and a chunked one while reading", async () => {
    const webhookId = crypto.randomUUID();
    const big = JSON.stringify({ id: 1, note: "x".repeat(2048) });
    expect(
      await receive(
        signedWebhookRequest({ topic: "orders/create", shop, body: big, webhookId }),
        1024,
      ),
    ).toMatchObject({
      status: 413,
    });
    const signed = signedWebhookRequest({ topic: "orders/create", shop, body: big, webhookId });
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++)
          controller.enqueue(new TextEncoder().encode(big.slice(i * 600, (i + 1) * 600)));
        controller.close();
      },
    });
    const headers = new Headers(signed.headers);
    headers.delete("content-length");
    const chunked = new Request(signed.url, {
      method: "POST",
      headers,
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect((await receive(chunked, 1024)).status).toBe(413);
    expect(await storedFor(webhookId)).toHaveLength(0);
  });

  it("stores hostile strings byte for byte", async () => {
    const webhookId = crypto.randomUUID();
    const body = JSON.stringify({
      id: 7,
      name: "<script>alert('x')</script> \u202e’; DROP TABLE document;--",
      note: "\u0000",
    });
    expect(
      (await receive(signedWebhookRequest({ topic: "orders/create", shop, body, webhookId })))
        .status,
    ).toBe(200);
    const [row] = await storedFor(webhookId);
    expect(row?.rawBody).toBe(body);
  });

  it("ignores order topics of a disconnected shop but still takes its privacy requests", async () => {
    const other = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    const gone = `gone-${uniqueSuffix()}.myshopify.com`;
    const id = await connectTestShop(handle.db, other, gone, config.ENCRYPTION_KEY);
    await markDisconnected(handle.db, other, id, "uninstalled");
    const orderResult = await receive(
      signedWebhookRequest({ topic: "orders/create", shop: gone, body: anotherOrder() }),
    );
    expect(orderResult.reason).toBe("shop_disconnected");
    const redact = await receive(
      signedWebhookRequest({
        topic: "shop/redact",
        shop: gone,
        body: JSON.stringify({ shop_id: 1, shop_domain: gone }),
      }),
    );
    expect(redact.reason).toBe("accepted");
    expect(enqueued).toEqual([
      { organisationId: other.organisationId, deliveryId: redact.deliveryId },
    ]);
  });

  it("says Shopify is not configured instead of accepting anything", async () => {
    const bare = testJobContext(handle).config;
    const result = await receiveWebhook(
      { db: handle.db, config: bare, enqueueDelivery: async () => undefined },
      signedWebhookRequest({ topic: "orders/create", shop, body: order }),
    );
    expect(result.status).toBe(503);
  });
});

describe("a signed body under headers it does not fit", () => {
  it("refuses another shop's app/uninstalled or shop/redact body, storing nothing", async () => {
    const victim = `victim-${uniqueSuffix()}.myshopify.com`;
    const other = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    await connectTestShop(handle.db, other, victim, config.ENCRYPTION_KEY);
    for (const [topic, body] of [
      ["app/uninstalled", { id: 1, myshopify_domain: shop, domain: shop }],
      ["shop/redact", { shop_id: 1, shop_domain: shop }],
      ["customers/redact", { shop_id: 1, shop_domain: shop, customer: { email: "a@b.be" } }],
    ] as const) {
      const webhookId = crypto.randomUUID();
      const result = await receive(
        signedWebhookRequest({ topic, shop: victim, body: JSON.stringify(body), webhookId }),
      );
      expect(result).toEqual({ status: 400, reason: "body_of_another_shop" });
      expect(await storedFor(webhookId)).toEqual([]);
    }
    expect(enqueued).toEqual([]);
  });

  it("refuses an order body sent as a shop-level topic, and a shop body as an order", async () => {
    const asUninstall = await receive(
      signedWebhookRequest({ topic: "app/uninstalled", shop, body: order }),
    );
    expect(asUninstall).toEqual({ status: 400, reason: "body_not_of_topic" });
    const asOrder = await receive(
      signedWebhookRequest({
        topic: "orders/create",
        shop,
        body: JSON.stringify({ id: 1, myshopify_domain: shop }),
      }),
    );
    expect(asOrder).toEqual({ status: 400, reason: "body_not_of_topic" });
  });

  it("refuses an order already delivered for another shop", async () => {
    const id = Math.floor(Math.random() * 1e12);
    const body = JSON.stringify({ id, name: "#1" });
    expect(
      (await receive(signedWebhookRequest({ topic: "orders/create", shop, body }))).status,
    ).toBe(200);
    const elsewhere = `elsewhere-${uniqueSuffix()}.myshopify.com`;
    const other = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    await connectTestShop(handle.db, other, elsewhere, config.ENCRYPTION_KEY);
    const forged = await receive(
      signedWebhookRequest({ topic: "orders/paid", shop: elsewhere, body }),
    );
    expect(forged).toEqual({ status: 400, reason: "body_of_another_shop" });
  });

  it("refuses a delivery triggered outside Shopify's 4-hour retry window", async () => {
    const sixHoursAgo = new Date(Date.now() - 6 * 3600_000).toISOString();
    const stale = await receive(
      signedWebhookRequest({
        topic: "orders/create",
        shop,
        body: order,
        headers: { "x-shopify-triggered-at": sixHoursAgo },
      }),
    );
    expect(stale).toEqual({ status: 400, reason: "triggered_at_stale" });
    const fourHoursAgo = new Date(Date.now() - 4 * 3600_000).toISOString();
    const retried = await receive(
      signedWebhookRequest({
        topic: "orders/create",
        shop,
        body: order,
        headers: { "x-shopify-triggered-at": fourHoursAgo },
      }),
    );
    expect(retried.status).toBe(200);
  });
});
