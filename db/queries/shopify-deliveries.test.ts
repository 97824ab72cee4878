import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { shopifyWebhookDeliveries } from "../schema";
import { tenant, type Tenant } from "../tenant";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "../testing/test-db";
import {
  countInboxDeliveries,
  finishDelivery,
  getDelivery,
  listInboxDeliveries,
  recordDelivery,
  redactDeliveries,
  requeueDelivery,
  requeueFailedDeliveries,
  type NewDelivery,
} from "./shopify-deliveries";
import { storeOrderPayload } from "./shopify-orders";

let handle: DbHandle;
let a: Tenant;
let b: Tenant;
const shop = `inbox-${uniqueSuffix()}.myshopify.com`;

beforeAll(async () => {
  handle = await openTestDb();
  const user = await createUser(handle.db);
  a = tenant((await createOrg(handle.db, user.id)).id);
  b = tenant((await createOrg(handle.db, user.id)).id);
});
afterAll(() => handle?.close());

let clock = Date.parse("2025-03-01T10:00:00Z");

/** Stores a delivery the way the webhook route does, received one minute after the previous one. */
async function deliver(
  t: Tenant | null,
  over: Partial<NewDelivery> & { receivedAt?: Date } = {},
): Promise<string> {
  const { receivedAt, ...fields } = over;
  const { id } = await recordDelivery(handle.db, {
    organisationId: t?.organisationId ?? null,
    shop,
    topic: "orders/create",
    webhookId: `wh-${uniqueSuffix()}`,
    eventId: null,
    apiVersion: "2025-07",
    triggeredAt: null,
    rawBody: JSON.stringify({ id: Number(over.resourceId ?? 1) }),
    resourceId: null,
    status: "received",
    outcome: null,
    ...fields,
  });
  clock += 60_000;
  await handle.db
    .update(shopifyWebhookDeliveries)
    .set({ receivedAt: receivedAt ?? new Date(clock) })
    .where(eq(shopifyWebhookDeliveries.id, id));
  return id;
}

async function order(t: Tenant, orderId: string, orderName: string, inShop = shop) {
  await storeOrderPayload(handle.db, t, {
    shop: inShop,
    orderId,
    orderName,
    updatedAt: "2025-03-01T09:00:00Z",
    payload: JSON.stringify({ id: Number(orderId), name: orderName }),
  });
}

describe("the sync inbox's list", () => {
  let created: string;
  let paid: string;
  let refund: string;
  let redact: string;
  let unknown: string;
  let foreign: string;

  beforeAll(async () => {
    await order(a, "5001", "#1042");
    await order(a, "5002", "#1043");
    // The same order id in another organisation (or another shop) must never lend its name.
    await order(b, "5003", "#9999");
    await order(a, "5003", "#OTHER", `other-${uniqueSuffix()}.myshopify.com`);

    created = await deliver(a, { resourceId: "5001" });
    paid = await deliver(a, { topic: "orders/paid", resourceId: "5002" });
    await finishDelivery(handle.db, a, paid, {
      status: "processed",
      outcome: "document_sent",
      documentId: randomUUID(),
    });
    refund = await deliver(a, {
      topic: "refunds/create",
      resourceId: "7001",
      rawBody: '{"id":7001,"order_id":5001,"transactions":[{"order_id":5001}]}',
    });
    await finishDelivery(handle.db, a, refund, {
      status: "failed",
      outcome: "invoice_still_concept",
    });
    // A customer id that happens to equal an order id is not that order.
    redact = await deliver(a, { topic: "customers/redact", resourceId: "5002" });
    unknown = await deliver(a, { topic: "orders/updated", resourceId: "5003" });
    await finishDelivery(handle.db, a, unknown, {
      status: "ignored",
      outcome: "waiting_for_order_paid",
    });
    foreign = await deliver(b, { resourceId: "5003" });
    // A shop Facturo does not know: kept for support, shown to nobody.
    await deliver(null, { resourceId: "5001", status: "ignored", outcome: "unknown_shop" });
  });

  it("shows the organisation's deliveries only, newest first, with their order's name", async () => {
    const { rows, nextBefore } = await listInboxDeliveries(handle.db, a, {});
    expect(rows.map((r) => r.id)).toEqual([unknown, redact, refund, paid, created]);
    expect(nextBefore).toBeNull();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(created)).toMatchObject({ orderId: "5001", orderName: "#1042" });
    expect(byId.get(paid)).toMatchObject({ orderName: "#1043", outcome: "document_sent" });
    expect(byId.get(refund)).toMatchObject({
      resourceId: "7001",
      orderId: "5001",
      orderName: "#1042",
      status: "failed",
      canRetry: true,
    });
    expect(byId.get(redact)).toMatchObject({ orderId: null, orderName: null });
    expect(byId.get(unknown)).toMatchObject({ orderId: "5003", orderName: null });
    expect(rows[0]).not.toHaveProperty("rawBody");

    const other = await listInboxDeliveries(handle.db, b, {});
    expect(other.rows.map((r) => r.id)).toEqual([foreign]);
    expect(other.rows[0]?.orderName).toBe("#9999");
  });

  it("filters by status and finds an order by its name, its number or a Shopify id", async () => {
    const failed = await listInboxDeliveries(handle.db, a, { status: "failed" });
    expect(failed.rows.map((r) => r.id)).toEqual([refund]);

    const ids = async (search: string) =>
      (await listInboxDeliveries(handle.db, a, { search })).rows.map((r) => r.id);
    expect(await ids("#1042")).toEqual([refund, created]);
    expect(await ids("1042")).toEqual([refund, created]);
    expect(await ids("7001")).toEqual([refund]);
    expect(await ids("5003")).toEqual([unknown]);
    expect(await ids("9999")).toEqual([]);
    expect(await ids("%")).toEqual([]);

    const both = await listInboxDeliveries(handle.db, a, { status: "received", search: "1042" });
    expect(both.rows.map((r) => r.id)).toEqual([created]);
  });

  it("counts each status for the chips, within the search", async () => {
    expect(await countInboxDeliveries(handle.db, a)).toEqual({
      all: 5,
      received: 2,
      processed: 1,
      ignored: 1,
      failed: 1,
    });
    expect(await countInboxDeliveries(handle.db, a, { search: "#1042" })).toEqual({
      all: 2,
      received: 1,
      processed: 0,
      ignored: 0,
      failed: 1,
    });
    expect((await countInboxDeliveries(handle.db, b)).all).toBe(1);
  });

  it("pages without repeating or skipping rows received at the same instant", async () => {
    const c = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    const at = new Date("2025-04-01T08:00:00.123456Z");
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await deliver(c, { receivedAt: at }));
    const seen: string[] = [];
    let before: string | null = null;
    for (let page = 0; page < 5; page++) {
      const result = await listInboxDeliveries(handle.db, c, {}, before, 2);
      seen.push(...result.rows.map((r) => r.id));
      before = result.nextBefore;
      if (!before) break;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(new Set(ids));
    // Another organisation's id as the cursor reveals nothing.
    const stranger = await listInboxDeliveries(handle.db, c, {}, foreign, 2);
    expect(stranger.rows).toEqual([]);
  });
});

describe("Retry", () => {
  it("puts a failed delivery back in the queue once, keeping its document and history", async () => {
    const documentId = randomUUID();
    const id = await deliver(a, { resourceId: "6001" });
    await finishDelivery(handle.db, a, id, {
      status: "failed",
      outcome: "processing_error",
      error: "Shopify answered 502",
      documentId,
    });

    expect(await requeueDelivery(handle.db, b, id)).toBe(false);
    expect(await requeueDelivery(handle.db, a, id)).toBe(true);
    expect(await getDelivery(handle.db, a, id)).toMatchObject({
      status: "received",
      outcome: null,
      error: null,
      processedAt: null,
      documentId,
      attempts: 1,
    });
    // A double click: the second one finds it already waiting.
    expect(await requeueDelivery(handle.db, a, id)).toBe(false);
  });

  it("retries a skipped delivery, but not a done one, a redacted one or an unreadable one", async () => {
    const skipped = await deliver(a, { resourceId: "6002" });
    await finishDelivery(handle.db, a, skipped, { status: "ignored", outcome: "topic_not_used" });
    expect(await requeueDelivery(handle.db, a, skipped)).toBe(true);

    const done = await deliver(a, { resourceId: "6003" });
    await finishDelivery(handle.db, a, done, { status: "processed", outcome: "concept_created" });
    expect(await requeueDelivery(handle.db, a, done)).toBe(false);

    const redactedShop = `redacted-${uniqueSuffix()}.myshopify.com`;
    const redacted = await deliver(a, { shop: redactedShop, resourceId: "6004" });
    await finishDelivery(handle.db, a, redacted, { status: "failed", outcome: "processing_error" });
    await redactDeliveries(handle.db, a, redactedShop);
    expect(await requeueDelivery(handle.db, a, redacted)).toBe(false);

    const damaged = await deliver(a, {
      rawBody: "{not json",
      status: "failed",
      outcome: "unparseable",
    });
    expect(await requeueDelivery(handle.db, a, damaged)).toBe(false);
    const listed = await listInboxDeliveries(handle.db, a, { status: "failed" });
    expect(listed.rows.find((r) => r.id === damaged)?.canRetry).toBe(false);
    expect(listed.rows.find((r) => r.id === redacted)?.canRetry).toBe(false);
  });

  it("Retry all takes the organisation's failed deliveries that can be retried", async () => {
    const c = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    const d = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    const failed = [];
    for (let i = 0; i < 3; i++) {
      const id = await deliver(c, { resourceId: String(8000 + i) });
      await finishDelivery(handle.db, c, id, { status: "failed", outcome: "processing_error" });
      failed.push(id);
    }
    const skipped = await deliver(c, { resourceId: "8100" });
    await finishDelivery(handle.db, c, skipped, { status: "ignored", outcome: "test_order" });
    await deliver(c, { rawBody: "{", status: "failed", outcome: "unparseable" });
    const elsewhere = await deliver(d, { resourceId: "8200" });
    await finishDelivery(handle.db, d, elsewhere, {
      status: "failed",
      outcome: "processing_error",
    });

    expect((await requeueFailedDeliveries(handle.db, c, 2)).length).toBe(2);
    expect(new Set(await requeueFailedDeliveries(handle.db, c))).toEqual(
      new Set(failed.slice(0, 1)),
    );
    expect(await requeueFailedDeliveries(handle.db, c)).toEqual([]);
    expect((await getDelivery(handle.db, c, skipped))?.status).toBe("ignored");
    expect((await getDelivery(handle.db, d, elsewhere))?.status).toBe("failed");
  });
});
