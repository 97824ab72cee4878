import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { documents, shopifyOrders, type PaidOnIssue } from "../schema";
import type { Tenant } from "../tenant";

/**
 * Keeps the newest payload of an order: an older delivery arriving late never
 * replaces what a newer one said (Shopify does not guarantee order of delivery).
 */
export async function storeOrderPayload(
  db: Db,
  t: Tenant,
  order: {
    shop: string;
    orderId: string;
    orderName: string | null;
    updatedAt: string | null;
    payload: string;
  },
): Promise<void> {
  const updatedAt = order.updatedAt ? new Date(order.updatedAt) : null;
  const values = {
    orderName: order.orderName,
    shopifyUpdatedAt: updatedAt && !Number.isNaN(updatedAt.getTime()) ? updatedAt : null,
    payload: order.payload,
    receivedAt: new Date(),
  };
  await db
    .insert(shopifyOrders)
    .values(t.owned({ shop: order.shop, orderId: order.orderId, ...values }))
    .onConflictDoUpdate({
      target: [shopifyOrders.organisationId, shopifyOrders.shop, shopifyOrders.orderId],
      set: values,
      setWhere: sql`${shopifyOrders.shopifyUpdatedAt} is null or excluded.shopify_updated_at is null or excluded.shopify_updated_at >= ${shopifyOrders.shopifyUpdatedAt}`,
    });
}

export async function getOrderPayload(
  db: Db,
  t: Tenant,
  shop: string,
  orderId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ payload: shopifyOrders.payload })
    .from(shopifyOrders)
    .where(
      t.where(shopifyOrders, eq(shopifyOrders.shop, shop), eq(shopifyOrders.orderId, orderId)),
    );
  return row?.payload ?? null;
}

export async function findDocumentBySourceKey(db: Db, t: Tenant, sourceKey: string) {
  const [row] = await db
    .select({
      id: documents.id,
      type: documents.type,
      status: documents.status,
      totalCents: documents.totalCents,
      paidCents: documents.paidCents,
      paidOnIssue: documents.paidOnIssue,
      supplyDate: documents.supplyDate,
      deliveryDate: documents.deliveryDate,
    })
    .from(documents)
    .where(t.where(documents, eq(documents.sourceKey, sourceKey)));
  return row ?? null;
}

export async function findDocumentById(db: Db, t: Tenant, id: string) {
  const [row] = await db
    .select({ id: documents.id, totalCents: documents.totalCents, status: documents.status })
    .from(documents)
    .where(t.where(documents, eq(documents.id, id)));
  return row ?? null;
}

/** Every document made from one order (any type), for the cancellation and the inbox. */
export async function documentsOfOrder(db: Db, t: Tenant, orderId: string) {
  return db
    .select({
      id: documents.id,
      type: documents.type,
      status: documents.status,
      sourceKey: documents.sourceKey,
    })
    .from(documents)
    .where(
      t.where(documents, and(eq(documents.source, "shopify"), eq(documents.sourceId, orderId))),
    );
}

/** What Shopify received for a concept's order, recorded as a payment when it is issued. */
export async function markConceptPaidOnIssue(
  db: Db,
  t: Tenant,
  documentId: string,
  paidOnIssue: PaidOnIssue,
): Promise<void> {
  await db
    .update(documents)
    .set({ paidOnIssue, updatedAt: new Date() })
    .where(t.where(documents, eq(documents.id, documentId), eq(documents.status, "concept")));
}
