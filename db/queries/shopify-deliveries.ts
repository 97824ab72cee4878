import { and, desc, eq, getTableColumns, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import {
  documents,
  shopifyOrders,
  shopifyWebhookDeliveries,
  type ShopifyDeliveryStatus,
} from "../schema";
import type { Tenant } from "../tenant";
import { containsPattern } from "./text-search";

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

// ---------------------------------------------------------------------------
// The sync inbox: what Shopify sent, joined to the order it is about.

const deliveries = shopifyWebhookDeliveries;

/** A refund names its order in the body (`"order_id": 450789469`); a text match, as the body may not be JSON. */
const REFUND_ORDER_ID = String.raw`"order_id"\s*:\s*"?([0-9]+)`;

/**
 * The Shopify order a delivery is about: the resource itself for orders/*, the
 * refunded order for refunds/create, none for the other topics (their resource
 * is a shop or a customer, which must not be matched to an order by chance).
 */
function orderIdOf(): SQL<string | null> {
  return sql<string | null>`(case
    when ${deliveries.topic} like 'orders/%' then ${deliveries.resourceId}
    when ${deliveries.topic} = 'refunds/create' then substring(${deliveries.rawBody} from ${REFUND_ORDER_ID}::text)
  end)`;
}

/**
 * What Retry may put back in the queue: a delivery that failed or was skipped,
 * whose payload is still stored (not redacted) and could be read at all (an
 * unreadable body fails the same way every time).
 */
function retryable(): SQL {
  return sql`(${deliveries.status} in ('failed', 'ignored')
    and ${deliveries.rawBody} is not null
    and ${deliveries.outcome} is distinct from 'unparseable')`;
}

export interface InboxFilters {
  status?: ShopifyDeliveryStatus;
  /** Order name ("#1042", "1042") or a Shopify id. */
  search?: string;
}

export interface InboxDelivery {
  id: string;
  shop: string;
  topic: string;
  receivedAt: Date;
  status: ShopifyDeliveryStatus;
  outcome: string | null;
  error: string | null;
  attempts: number;
  duplicates: number;
  documentId: string | null;
  resourceId: string | null;
  /** The Shopify order id this delivery is about (see orderIdOf), if any. */
  orderId: string | null;
  /** The order's name as Shopify last described it ("#1042"), when Facturo has seen the order. */
  orderName: string | null;
  /** Whether Retry can put it back in the queue (see retryable). */
  canRetry: boolean;
}

function searchCondition(search: string | undefined): SQL | undefined {
  const text = search?.trim();
  if (!text) return undefined;
  // "#1042" and "1042" both find order #1042, and a Shopify id finds its order or refund.
  const like = containsPattern(text.replace(/^#/, ""));
  return or(
    ilike(shopifyOrders.orderName, like),
    sql`${orderIdOf()} ilike ${like}`,
    ilike(deliveries.resourceId, like),
  );
}

/** A delivery's order: same organisation, same shop, same order id. */
function orderJoin(): SQL {
  return and(
    eq(shopifyOrders.organisationId, deliveries.organisationId),
    eq(shopifyOrders.shop, deliveries.shop),
    eq(shopifyOrders.orderId, orderIdOf()),
  ) as SQL;
}

/**
 * One page of the inbox, newest first. Keyset-paginated on (received_at, id):
 * deliveries keep arriving while the merchant pages, and an offset would repeat
 * or skip rows. `before` is the id of the previous page's last row.
 */
export async function listInboxDeliveries(
  db: Db,
  t: Tenant,
  filters: InboxFilters,
  before: string | null = null,
  limit = 50,
): Promise<{ rows: InboxDelivery[]; nextBefore: string | null }> {
  const rows = await db
    .select({
      id: deliveries.id,
      shop: deliveries.shop,
      topic: deliveries.topic,
      receivedAt: deliveries.receivedAt,
      status: deliveries.status,
      outcome: deliveries.outcome,
      error: deliveries.error,
      attempts: deliveries.attempts,
      duplicates: deliveries.duplicates,
      documentId: deliveries.documentId,
      resourceId: deliveries.resourceId,
      orderId: orderIdOf(),
      orderName: shopifyOrders.orderName,
      canRetry: sql<boolean>`${retryable()}`,
    })
    .from(deliveries)
    .leftJoin(shopifyOrders, orderJoin())
    .where(
      t.where(
        deliveries,
        filters.status ? eq(deliveries.status, filters.status) : undefined,
        searchCondition(filters.search),
        before
          ? sql`(${deliveries.receivedAt}, ${deliveries.id}) < (
              select d.received_at, d.id from shopify_webhook_delivery d
              where d.id = ${before} and d.organisation_id = ${t.organisationId})`
          : undefined,
      ),
    )
    .orderBy(desc(deliveries.receivedAt), desc(deliveries.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextBefore: rows.length > limit && last ? last.id : null };
}

export type InboxCounts = Record<ShopifyDeliveryStatus, number> & { all: number };

/** How many deliveries are in each status, for the filter chips (the search applies). */
export async function countInboxDeliveries(
  db: Db,
  t: Tenant,
  filters: Pick<InboxFilters, "search"> = {},
): Promise<InboxCounts> {
  const search = searchCondition(filters.search);
  const query = db
    .select({ status: deliveries.status, count: sql<number>`count(*)::int` })
    .from(deliveries)
    .$dynamic();
  // The order is joined only to search by its name: counting alone needs no join.
  const rows = await (search ? query.leftJoin(shopifyOrders, orderJoin()) : query)
    .where(t.where(deliveries, search))
    .groupBy(deliveries.status);
  const counts: InboxCounts = { all: 0, received: 0, processed: 0, ignored: 0, failed: 0 };
  for (const row of rows) {
    counts[row.status] = row.count;
    counts.all += row.count;
  }
  return counts;
}

/**
 * Retry: a failed or skipped delivery goes back to "received", its outcome and
 * error cleared, so the processing job handles it again (the job only acts on
 * "received"). Answers whether it did; the caller then enqueues the job. The
 * document link and the attempt count stay, as history.
 */
export async function requeueDelivery(db: Db, t: Tenant, id: string): Promise<boolean> {
  const rows = await db
    .update(deliveries)
    .set({ status: "received", outcome: null, error: null, processedAt: null })
    .where(t.where(deliveries, eq(deliveries.id, id), retryable()))
    .returning({ id: deliveries.id });
  return rows.length > 0;
}

/** "Retry all": every failed delivery that can be retried, up to `limit`; answers their ids. */
export async function requeueFailedDeliveries(db: Db, t: Tenant, limit = 100): Promise<string[]> {
  const chosen = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(t.where(deliveries, eq(deliveries.status, "failed"), retryable()))
    .orderBy(desc(deliveries.receivedAt))
    .limit(limit);
  const rows = await db
    .update(deliveries)
    .set({ status: "received", outcome: null, error: null, processedAt: null })
    .where(t.where(deliveries, inArray(deliveries.id, chosen), retryable()))
    .returning({ id: deliveries.id });
  return rows.map((row) => row.id);
}

/** Outcomes of a refund that arrived while its invoice was still a concept (the first is older). */
const WAITING_FOR_INVOICE = ["invoice_still_concept", "waiting_for_invoice"];

/**
 * The refunds that waited for this invoice go back to "received", to be credited now that
 * it is issued (the caller queues their processing). Answers their ids.
 */
export async function reopenRefundsWaitingFor(
  db: Db,
  t: Tenant,
  invoiceId: string,
): Promise<string[]> {
  const rows = await db
    .update(deliveries)
    .set({ status: "received", outcome: null, error: null, processedAt: null })
    .where(
      t.where(
        deliveries,
        eq(deliveries.documentId, invoiceId),
        eq(deliveries.topic, "refunds/create"),
        inArray(deliveries.outcome, WAITING_FOR_INVOICE),
        retryable(),
      ),
    )
    .returning({ id: deliveries.id });
  return rows.map((row) => row.id);
}

/**
 * Every refund still waiting for an invoice that has been issued since (the safety net
 * when the queue was away at the moment of issue). Answers their ids.
 */
export async function reopenRefundsOfIssuedInvoices(db: Db, t: Tenant): Promise<string[]> {
  const issued = db
    .select({ id: documents.id })
    .from(documents)
    .where(t.where(documents, sql`${documents.status} not in ('concept', 'cancelled')`));
  const rows = await db
    .update(deliveries)
    .set({ status: "received", outcome: null, error: null, processedAt: null })
    .where(
      t.where(
        deliveries,
        eq(deliveries.topic, "refunds/create"),
        inArray(deliveries.outcome, WAITING_FOR_INVOICE),
        inArray(deliveries.documentId, issued),
        retryable(),
      ),
    )
    .returning({ id: deliveries.id });
  return rows.map((row) => row.id);
}

/**
 * Whether an order id is already known under another shop: in a stored order, or in an
 * order delivery. Shopify's order ids are unique across shops, so such a delivery is a
 * signed body re-sent under another shop's name. Not scoped by a tenant: it is how a
 * delivery is checked before its tenant is trusted.
 */
export async function orderKnownForAnotherShop(
  db: Db,
  orderId: string,
  shop: string,
): Promise<boolean> {
  const [stored] = await db
    .select({ shop: shopifyOrders.shop })
    .from(shopifyOrders)
    .where(and(eq(shopifyOrders.orderId, orderId), sql`${shopifyOrders.shop} <> ${shop}`))
    .limit(1);
  if (stored) return true;
  const [delivered] = await db
    .select({ shop: shopifyWebhookDeliveries.shop })
    .from(shopifyWebhookDeliveries)
    .where(
      and(
        eq(shopifyWebhookDeliveries.resourceId, orderId),
        sql`${shopifyWebhookDeliveries.shop} <> ${shop}`,
        sql`${shopifyWebhookDeliveries.topic} like 'orders/%'`,
      ),
    )
    .limit(1);
  return Boolean(delivered);
}
