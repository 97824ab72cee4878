import { and, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  customers,
  documents,
  shopifyConnections,
  shopifyOrders,
  shopifyPrivacyRequests,
  shopifyWebhookDeliveries,
  type ShopifyPrivacyTopic,
} from "../schema";
import type { Tenant } from "../tenant";
import type { Tx } from "./documents";

export interface CustomerMatch {
  shopifyCustomerId: string | null;
  email: string | null;
  orderIds: string[];
}

export type PrivacyRequest = typeof shopifyPrivacyRequests.$inferSelect;

/**
 * The customers and documents that hold a Shopify customer's personal data, as far
 * as Shopify's data goes: customers linked to Shopify (by id, or by email among
 * linked customers) and documents made from Shopify orders. A customer the
 * merchant created by hand, and documents made by hand, are the merchant's own
 * records and are not touched by a request that comes from the shop.
 */
export async function findCustomerData(db: Pick<Db, "select">, t: Tenant, match: CustomerMatch) {
  const customerConditions = [
    match.shopifyCustomerId ? eq(customers.shopifyCustomerId, match.shopifyCustomerId) : undefined,
    match.email
      ? and(
          sql`${customers.shopifyCustomerId} is not null`,
          sql`lower(${customers.email}) = lower(${match.email})`,
        )
      : undefined,
  ].filter(Boolean);
  const matchedCustomers = customerConditions.length
    ? await db
        .select({ id: customers.id })
        .from(customers)
        .where(t.where(customers, or(...customerConditions)))
    : [];
  const customerIds = matchedCustomers.map((c) => c.id);
  const documentConditions = [
    customerIds.length ? inArray(documents.customerId, customerIds) : undefined,
    match.orderIds.length ? inArray(documents.sourceId, match.orderIds) : undefined,
  ].filter(Boolean);
  const matchedDocuments = documentConditions.length
    ? await db
        .select({ id: documents.id, status: documents.status, sourceId: documents.sourceId })
        .from(documents)
        .where(t.where(documents, eq(documents.source, "shopify"), or(...documentConditions)))
    : [];
  return { customerIds, documents: matchedDocuments };
}

/** Deletes documents by id (the concepts a customer's erasure removes). */
export async function deleteDocumentsById(tx: Tx, t: Tenant, ids: string[]): Promise<void> {
  if (ids.length) await tx.delete(documents).where(t.where(documents, inArray(documents.id, ids)));
}

/** Removes the email address from the buyer snapshot of these documents. */
export async function eraseDocumentBuyerEmails(tx: Tx, t: Tenant, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await tx
    .update(documents)
    .set({ customer: sql`jsonb_set(${documents.customer}, '{email}', 'null'::jsonb)` })
    .where(t.where(documents, inArray(documents.id, ids), sql`${documents.customer} is not null`));
}

/** Whether any document (concept or issued) still names this customer. */
export async function customerHasDocuments(
  tx: Tx,
  t: Tenant,
  customerId: string,
): Promise<boolean> {
  const [stillUsed] = await tx
    .select({ id: documents.id })
    .from(documents)
    .where(t.where(documents, eq(documents.customerId, customerId)))
    .limit(1);
  return Boolean(stillUsed);
}

/**
 * Keeps what a future credit note needs (name, company, VAT number, billing address) and
 * clears the rest: email, Shopify id, delivery address.
 */
export async function anonymiseCustomer(
  tx: Tx,
  t: Tenant,
  customerId: string,
  now: Date,
): Promise<void> {
  await tx
    .update(customers)
    .set({
      email: null,
      shopifyCustomerId: null,
      deliveryStreet: null,
      deliveryPostalCode: null,
      deliveryCity: null,
      deliveryCountry: null,
      updatedAt: now,
    })
    .where(t.where(customers, eq(customers.id, customerId)));
}

export async function deleteCustomer(tx: Tx, t: Tenant, customerId: string): Promise<void> {
  await tx.delete(customers).where(t.where(customers, eq(customers.id, customerId)));
}

/** Drops the stored webhook bodies about these orders; answers how many were erased. */
export async function eraseOrderDeliveryPayloads(
  tx: Tx,
  t: Tenant,
  orderIds: string[],
): Promise<number> {
  if (!orderIds.length) return 0;
  const rows = await tx
    .update(shopifyWebhookDeliveries)
    .set({ rawBody: null })
    .where(
      t.where(
        shopifyWebhookDeliveries,
        inArray(shopifyWebhookDeliveries.resourceId, orderIds),
        sql`${shopifyWebhookDeliveries.rawBody} is not null`,
      ),
    )
    .returning({ id: shopifyWebhookDeliveries.id });
  return rows.length;
}

/** Drops the stored Shopify order payloads of these orders. */
export async function eraseOrderPayloads(tx: Tx, t: Tenant, orderIds: string[]): Promise<void> {
  if (!orderIds.length) return;
  await tx
    .update(shopifyOrders)
    .set({ payload: null })
    .where(t.where(shopifyOrders, inArray(shopifyOrders.orderId, orderIds)));
}

/** Deletes a shop's connection rows that are no longer connected; answers how many. */
export async function deleteDisconnectedShop(tx: Tx, t: Tenant, shop: string): Promise<number> {
  const rows = await tx
    .delete(shopifyConnections)
    .where(
      t.where(
        shopifyConnections,
        eq(shopifyConnections.shop, shop),
        ne(shopifyConnections.status, "connected"),
      ),
    )
    .returning({ id: shopifyConnections.id });
  return rows.length;
}

/** Deletes a shop's stored deliveries but one; answers how many. */
export async function deleteShopDeliveries(
  tx: Tx,
  t: Tenant,
  shop: string,
  keepDeliveryId: string,
): Promise<number> {
  const rows = await tx
    .delete(shopifyWebhookDeliveries)
    .where(
      t.where(
        shopifyWebhookDeliveries,
        eq(shopifyWebhookDeliveries.shop, shop),
        ne(shopifyWebhookDeliveries.id, keepDeliveryId),
      ),
    )
    .returning({ id: shopifyWebhookDeliveries.id });
  return rows.length;
}

/** Drops one delivery's stored body, keeping its log line. */
export async function eraseDeliveryPayload(tx: Tx, t: Tenant, deliveryId: string): Promise<void> {
  await tx
    .update(shopifyWebhookDeliveries)
    .set({ rawBody: null })
    .where(t.where(shopifyWebhookDeliveries, eq(shopifyWebhookDeliveries.id, deliveryId)));
}

export async function deleteShopOrders(tx: Tx, t: Tenant, shop: string): Promise<void> {
  await tx.delete(shopifyOrders).where(t.where(shopifyOrders, eq(shopifyOrders.shop, shop)));
}

/** Whether the organisation has (or had) any shop connection row. */
export async function hasShopConnection(tx: Tx, t: Tenant): Promise<boolean> {
  const [row] = await tx
    .select({ id: shopifyConnections.id })
    .from(shopifyConnections)
    .where(t.where(shopifyConnections))
    .limit(1);
  return Boolean(row);
}

/** Clears every customer's Shopify id; answers how many customers had one. */
export async function unlinkShopifyCustomers(tx: Tx, t: Tenant): Promise<number> {
  const rows = await tx
    .update(customers)
    .set({ shopifyCustomerId: null })
    .where(t.where(customers, sql`${customers.shopifyCustomerId} is not null`))
    .returning({ id: customers.id });
  return rows.length;
}

/** Removes the customer emails kept on a shop's privacy requests. */
export async function erasePrivacyRequestEmails(tx: Tx, t: Tenant, shop: string): Promise<void> {
  await tx
    .update(shopifyPrivacyRequests)
    .set({ customerEmail: null })
    .where(t.where(shopifyPrivacyRequests, eq(shopifyPrivacyRequests.shop, shop)));
}

export async function recordPrivacyRequest(
  db: Db,
  t: Tenant,
  request: {
    shop: string;
    topic: ShopifyPrivacyTopic;
    deliveryId: string;
    customerEmail: string | null;
    shopifyCustomerId: string | null;
    orderIds: string[];
    summary: Record<string, number>;
    completed: boolean;
  },
): Promise<void> {
  await db
    .insert(shopifyPrivacyRequests)
    .values(t.owned(request))
    .onConflictDoNothing({ target: shopifyPrivacyRequests.deliveryId });
}

export async function listPrivacyRequests(
  db: Db,
  t: Tenant,
  limit = 20,
): Promise<PrivacyRequest[]> {
  return db
    .select()
    .from(shopifyPrivacyRequests)
    .where(t.where(shopifyPrivacyRequests))
    .orderBy(desc(shopifyPrivacyRequests.createdAt))
    .limit(limit);
}
