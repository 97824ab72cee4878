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

/**
 * Erases a customer's personal data where Belgian law allows it. Issued documents
 * are accounting records that must be kept unchanged for 10 years (VAT Code
 * art. 60), so they keep the name, address and VAT number they were issued with;
 * only the email address, which the law does not require, is removed from them.
 * Concepts were never issued and are deleted. A customer with issued documents
 * keeps what a future credit note needs (name, company, VAT number, billing
 * address) and loses everything else; a customer without any is deleted.
 */
export async function redactCustomerData(db: Db, t: Tenant, match: CustomerMatch) {
  return db.transaction(async (tx) => {
    const found = await findCustomerData(tx, t, match);
    const concepts = found.documents.filter((d) => d.status === "concept").map((d) => d.id);
    const issued = found.documents.filter((d) => d.status !== "concept").map((d) => d.id);
    if (concepts.length)
      await tx.delete(documents).where(t.where(documents, inArray(documents.id, concepts)));
    if (issued.length) {
      await tx
        .update(documents)
        .set({ customer: sql`jsonb_set(${documents.customer}, '{email}', 'null'::jsonb)` })
        .where(
          t.where(documents, inArray(documents.id, issued), sql`${documents.customer} is not null`),
        );
    }
    let customersDeleted = 0;
    let customersAnonymised = 0;
    for (const customerId of found.customerIds) {
      const [stillUsed] = await tx
        .select({ id: documents.id })
        .from(documents)
        .where(t.where(documents, eq(documents.customerId, customerId)))
        .limit(1);
      if (stillUsed) {
        await tx
          .update(customers)
          .set({
            email: null,
            shopifyCustomerId: null,
            deliveryStreet: null,
            deliveryPostalCode: null,
            deliveryCity: null,
            deliveryCountry: null,
            updatedAt: new Date(),
          })
          .where(t.where(customers, eq(customers.id, customerId)));
        customersAnonymised++;
      } else {
        await tx.delete(customers).where(t.where(customers, eq(customers.id, customerId)));
        customersDeleted++;
      }
    }
    const orderIds = [
      ...new Set([...match.orderIds, ...found.documents.flatMap((d) => d.sourceId ?? [])]),
    ];
    const payloads = orderIds.length
      ? await tx
          .update(shopifyWebhookDeliveries)
          .set({ rawBody: null })
          .where(
            t.where(
              shopifyWebhookDeliveries,
              inArray(shopifyWebhookDeliveries.resourceId, orderIds),
              sql`${shopifyWebhookDeliveries.rawBody} is not null`,
            ),
          )
          .returning({ id: shopifyWebhookDeliveries.id })
      : [];
    if (orderIds.length) {
      await tx
        .update(shopifyOrders)
        .set({ payload: null })
        .where(t.where(shopifyOrders, inArray(shopifyOrders.orderId, orderIds)));
    }
    return {
      conceptsDeleted: concepts.length,
      documentsKept: issued.length,
      customersDeleted,
      customersAnonymised,
      payloadsErased: payloads.length,
    };
  });
}

/**
 * Forgets a shop 48 hours after its uninstall: the connection (token, settings),
 * the stored webhook deliveries and orders, and the Shopify ids on customers. Documents stay:
 * they are the merchant's accounting records, not Shopify's data.
 */
export async function redactShopData(db: Db, t: Tenant, shop: string, keepDeliveryId: string) {
  return db.transaction(async (tx) => {
    const connections = await tx
      .delete(shopifyConnections)
      .where(
        t.where(
          shopifyConnections,
          eq(shopifyConnections.shop, shop),
          ne(shopifyConnections.status, "connected"),
        ),
      )
      .returning({ id: shopifyConnections.id });
    const deliveries = await tx
      .delete(shopifyWebhookDeliveries)
      .where(
        t.where(
          shopifyWebhookDeliveries,
          eq(shopifyWebhookDeliveries.shop, shop),
          ne(shopifyWebhookDeliveries.id, keepDeliveryId),
        ),
      )
      .returning({ id: shopifyWebhookDeliveries.id });
    await tx
      .update(shopifyWebhookDeliveries)
      .set({ rawBody: null })
      .where(t.where(shopifyWebhookDeliveries, eq(shopifyWebhookDeliveries.id, keepDeliveryId)));
    await tx.delete(shopifyOrders).where(t.where(shopifyOrders, eq(shopifyOrders.shop, shop)));
    // Shopify ids say which shop they came from only through the connection: clear
    // them when no other shop is (or was) connected to this organisation.
    const [otherShop] = await tx
      .select({ id: shopifyConnections.id })
      .from(shopifyConnections)
      .where(t.where(shopifyConnections))
      .limit(1);
    const unlinked = otherShop
      ? []
      : await tx
          .update(customers)
          .set({ shopifyCustomerId: null })
          .where(t.where(customers, sql`${customers.shopifyCustomerId} is not null`))
          .returning({ id: customers.id });
    await tx
      .update(shopifyPrivacyRequests)
      .set({ customerEmail: null })
      .where(t.where(shopifyPrivacyRequests, eq(shopifyPrivacyRequests.shop, shop)));
    return {
      connectionsDeleted: connections.length,
      deliveriesDeleted: deliveries.length,
      customersUnlinked: unlinked.length,
    };
  });
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
