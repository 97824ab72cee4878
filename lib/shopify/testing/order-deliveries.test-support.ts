import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { DbHandle } from "@/db";
import { documents, shopifyConnections, shopifyWebhookDeliveries } from "@/db/schema";
import { createOrg, createUser, uniqueSuffix } from "@/db/testing/test-db";
import { tenant, type Tenant } from "@/db/tenant";
import type { JobContext } from "@/lib/jobs/job-handler";
import { processShopifyDeliveryHandler } from "@/lib/shopify/jobs/process-delivery.handler";
import { SHOPIFY_FIXTURES } from "@/test/fixtures";
import { receiveWebhook } from "../intake/receive-webhook";
import type { OrderSettings } from "../order-sync/order-settings";
import { connectTestShop, signedWebhookRequest } from "./shopify-test-env";

/**
 * Orders and refunds from the fixtures delivered as Shopify would: signed webhook →
 * intake → the delivery job, run at once. Each fresh order has its own id, so tests
 * of one file never share documents.
 */
export function orderDeliveries(env: () => { handle: DbHandle; ctx: JobContext }) {
  let nextOrderId = 8_000_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
  const fixture = (name: string) =>
    JSON.parse(readFileSync(path.join(SHOPIFY_FIXTURES, name), "utf8")) as Record<string, unknown>;

  function freshOrder(name: string, changes: Record<string, unknown> = {}) {
    const id = ++nextOrderId;
    return {
      ...fixture(`orders/${name}`),
      id,
      admin_graphql_api_id: `gid://shopify/Order/${id}`,
      ...changes,
    } as Record<string, unknown>;
  }

  async function newShop(settings: Partial<OrderSettings>): Promise<{ t: Tenant; shop: string }> {
    const { handle, ctx } = env();
    const t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    const shop = `stock-${uniqueSuffix()}.myshopify.com`;
    const connectionId = await connectTestShop(handle.db, t, shop, ctx.config.ENCRYPTION_KEY);
    await handle.db
      .update(shopifyConnections)
      .set({ settings })
      .where(eq(shopifyConnections.id, connectionId));
    return { t, shop };
  }

  async function deliver(s: { shop: string }, topic: string, body: unknown) {
    const { handle, ctx } = env();
    const queued: { organisationId: string; deliveryId: string }[] = [];
    const result = await receiveWebhook(
      { db: handle.db, config: ctx.config, enqueueDelivery: async (d) => queued.push(d) },
      signedWebhookRequest({ topic, shop: s.shop, body: JSON.stringify(body) }),
    );
    expect(result.status).toBe(200);
    for (const job of queued) await processShopifyDeliveryHandler.run(job, ctx);
    const [row] = await handle.db
      .select()
      .from(shopifyWebhookDeliveries)
      .where(eq(shopifyWebhookDeliveries.id, queued[0]?.deliveryId ?? ""));
    return row;
  }

  async function documentsOf({ t }: { t: Tenant }) {
    const { handle } = env();
    return handle.db.select().from(documents).where(eq(documents.organisationId, t.organisationId));
  }

  return { fixture, freshOrder, newShop, deliver, documentsOf };
}
