import { desc, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Db } from "../client";
import { shopifyWebhookDeliveries, type ShopifyDeliveryStatus } from "../schema";
import type { Tenant } from "../tenant";

export type ShopifyDelivery = typeof shopifyWebhookDeliveries.$inferSelect;

export interface NewDelivery {
  organisationId: string | null;
  shop: string;
  topic: string;
  webhookId: string;
  eventId: string | null;
  apiVersion: string | null;
  triggeredAt: Date | null;
  rawBody: string;
  resourceId: string | null;
  status: ShopifyDeliveryStatus;
  outcome: string | null;
}

/**
 * Stores a verified delivery once. A repeat of the same webhook id (Shopify's
 * retry, or a double send) only bumps a counter on the first row; the caller
 * learns whether this was the first time and what state the first one is in.
 */
export async function recordDelivery(
  db: Db,
  delivery: NewDelivery,
): Promise<{
  id: string;
  firstTime: boolean;
  status: ShopifyDeliveryStatus;
  organisationId: string | null;
}> {
  const [row] = await db
    .insert(shopifyWebhookDeliveries)
    .values(delivery)
    .onConflictDoUpdate({
      target: shopifyWebhookDeliveries.webhookId,
      set: { duplicates: sql`${shopifyWebhookDeliveries.duplicates} + 1` },
    })
    .returning({
      id: shopifyWebhookDeliveries.id,
      status: shopifyWebhookDeliveries.status,
      organisationId: shopifyWebhookDeliveries.organisationId,
      // xmax is 0 for a row this statement inserted, non-zero for one it updated.
      firstTime: sql<boolean>`(xmax = 0)`,
    });
  if (!row) throw new Error("Delivery was not stored");
  return row;
}

export async function getDelivery(db: Db, t: Tenant, id: string): Promise<ShopifyDelivery | null> {
  const [row] = await db
    .select()
    .from(shopifyWebhookDeliveries)
    .where(t.where(shopifyWebhookDeliveries, eq(shopifyWebhookDeliveries.id, id)));
  return row ?? null;
}

export async function finishDelivery(
  db: Db,
  t: Tenant,
  id: string,
  result: {
    status: Exclude<ShopifyDeliveryStatus, "received">;
    outcome?: string;
    error?: string;
    documentId?: string;
  },
): Promise<void> {
  await db
    .update(shopifyWebhookDeliveries)
    .set({
      status: result.status,
      outcome: result.outcome ?? null,
      error: result.error ?? null,
      ...(result.documentId ? { documentId: result.documentId } : {}),
      processedAt: new Date(),
      attempts: sql`${shopifyWebhookDeliveries.attempts} + 1`,
    })
    .where(t.where(shopifyWebhookDeliveries, eq(shopifyWebhookDeliveries.id, id)));
}

/** A failed attempt that will be retried: counted and explained, still "received". */
export async function recordDeliveryAttemptError(
  db: Db,
  t: Tenant,
  id: string,
  error: string,
): Promise<void> {
  await db
    .update(shopifyWebhookDeliveries)
    .set({ error, attempts: sql`${shopifyWebhookDeliveries.attempts} + 1` })
    .where(t.where(shopifyWebhookDeliveries, eq(shopifyWebhookDeliveries.id, id)));
}

export async function listRecentDeliveries(
  db: Db,
  t: Tenant,
  options: { shop?: string; statuses?: ShopifyDeliveryStatus[]; limit?: number } = {},
): Promise<Omit<ShopifyDelivery, "rawBody">[]> {
  const { rawBody: _rawBody, ...columns } = getTableColumns(shopifyWebhookDeliveries);
  return db
    .select(columns)
    .from(shopifyWebhookDeliveries)
    .where(
      t.where(
        shopifyWebhookDeliveries,
        options.shop ? eq(shopifyWebhookDeliveries.shop, options.shop) : undefined,
        options.statuses?.length
          ? inArray(shopifyWebhookDeliveries.status, options.statuses)
          : undefined,
      ),
    )
    .orderBy(desc(shopifyWebhookDeliveries.receivedAt))
    .limit(options.limit ?? 50);
}

/** Privacy: drops the stored payloads of a shop's deliveries, keeping the log lines. */
export async function redactDeliveries(
  db: Db,
  t: Tenant,
  shop: string,
  resourceIds?: string[],
): Promise<number> {
  if (resourceIds && resourceIds.length === 0) return 0;
  const rows = await db
    .update(shopifyWebhookDeliveries)
    .set({ rawBody: null })
    .where(
      t.where(
        shopifyWebhookDeliveries,
        eq(shopifyWebhookDeliveries.shop, shop),
        sql`${shopifyWebhookDeliveries.rawBody} is not null`,
        resourceIds ? inArray(shopifyWebhookDeliveries.resourceId, resourceIds) : undefined,
      ),
    )
    .returning({ id: shopifyWebhookDeliveries.id });
  return rows.length;
}
