import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentsPerOrder, eventually, unprocessedDeliveries } from "./support/checks";
import { seedMerchant, type Merchant } from "./support/seed";
import { startStack, type Stack } from "./support/stack";
import { recordFaults } from "./support/tally";
import { delivery, makeOrder, post } from "./support/webhooks";

/**
 * Shopify repeats deliveries and sends them in any order. Through the real route
 * and separate workers: the same webhook ten times, one order delivered by a
 * hundred concurrent webhooks, and orders/paid arriving before orders/create
 * must each end as exactly one document in the right state.
 */
let stack: Stack;
let merchant: Merchant;

beforeAll(async () => {
  stack = await startStack("duplicates", { workers: 2 });
  // The default trigger (paid) so that orders/paid before orders/create matters.
  merchant = await seedMerchant(stack.handle.db, { settings: { trigger: "order_paid" } });
});

afterAll(async () => {
  await stack?.stopAll();
});

async function documentsOf(orderId: number) {
  const found = await stack.handle.executeSql(
    `select status, paid_on_issue, type from document where organisation_id = $1 and source_id = $2`,
    [merchant.organisationId, String(orderId)],
  );
  return found.rows as { status: string; paid_on_issue: unknown; type: string }[];
}

const settled = () =>
  eventually("every delivery processed", async () => {
    return (await unprocessedDeliveries(stack.handle, merchant.organisationId)) === 0;
  });

describe("repeated and concurrent deliveries", () => {
  it("ten deliveries of the same webhook: one stored delivery, one document", async () => {
    const order = makeOrder(1);
    const d = delivery("orders/create", merchant.shop, order);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push(await post(d));
    await settled();
    const stored = await stack.handle.executeSql(
      `select duplicates from shopify_webhook_delivery where webhook_id = $1`,
      [d.webhookId],
    );
    const docs = await documentsOf(order.id as number);
    const serverErrors = statuses.filter((s) => s >= 500).length;
    recordFaults("same webhook ×10", {
      tried: 10,
      lost: docs.length === 0 ? 1 : 0,
      duplicated: Math.max(0, docs.length - 1) + Math.max(0, stored.rows.length - 1),
      serverErrors,
    });
    expect(statuses).toEqual(Array(10).fill(200));
    expect(stored.rows).toEqual([{ duplicates: 9 }]);
    expect(docs).toHaveLength(1);
  });

  it("100 concurrent deliveries of one order (distinct webhook ids): one document", async () => {
    const order = makeOrder(2);
    const topics = ["orders/create", "orders/paid", "orders/updated"];
    const statuses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post(delivery(topics[i % topics.length] ?? "orders/create", merchant.shop, order)),
      ),
    );
    await settled();
    const docs = await documentsOf(order.id as number);
    recordFaults("one order ×100 concurrent", {
      tried: 100,
      lost: docs.length === 0 ? 1 : 0,
      duplicated: Math.max(0, docs.length - 1),
      serverErrors: statuses.filter((s) => s >= 500).length,
    });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ status: "concept", type: "invoice" });
    expect(docs[0]?.paid_on_issue).toMatchObject({ method: "shopify" });
  });

  it("orders/paid before orders/create: one document, issued as paid", async () => {
    const paid = makeOrder(3);
    const created = makeOrder(3, {
      financial_status: "pending",
      updated_at: "2026-02-12T14:20:00+01:00",
    });
    const statuses = [
      await post(delivery("orders/paid", merchant.shop, paid)),
      await post(delivery("orders/create", merchant.shop, created)),
    ];
    await settled();
    const docs = await documentsOf(paid.id as number);
    // And an order paid later than its concept: orders/create (pending) then orders/paid.
    const later = makeOrder(4, { financial_status: "pending" });
    statuses.push(await post(delivery("orders/create", merchant.shop, later)));
    await settled();
    const beforePayment = await documentsOf(later.id as number);
    statuses.push(await post(delivery("orders/paid", merchant.shop, makeOrder(4))));
    await settled();
    const afterPayment = await documentsOf(later.id as number);
    recordFaults("paid before create", {
      tried: statuses.length,
      lost: (docs.length === 0 ? 1 : 0) + (afterPayment.length === 0 ? 1 : 0),
      duplicated: Math.max(0, docs.length - 1) + Math.max(0, afterPayment.length - 1),
      serverErrors: statuses.filter((s) => s >= 500).length,
    });
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.paid_on_issue).toMatchObject({ method: "shopify" });
    // The trigger is "paid": a pending order has no document until it is paid.
    expect(beforePayment).toHaveLength(0);
    expect(afterPayment).toHaveLength(1);
    expect(afterPayment[0]?.paid_on_issue).toMatchObject({ method: "shopify" });
    const perOrder = await documentsPerOrder(stack.handle, merchant.organisationId);
    expect([...perOrder.values()].every((n) => n === 1)).toBe(true);
  });
});
