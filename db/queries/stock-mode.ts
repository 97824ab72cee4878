import { desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import {
  articles,
  shopifyProductsWithoutSku,
  stockModeChanges,
  stockMovements,
  users,
  type StartingCountSummary,
  type StockMode,
} from "../schema";
import type { Tenant } from "../tenant";

export type StockModeChange = typeof stockModeChanges.$inferSelect;

/** The latest switch, or null when the merchant never chose (Shopify keeps the stock). */
export async function latestStockModeChange(db: Db, t: Tenant): Promise<StockModeChange | null> {
  const [row] = await db
    .select()
    .from(stockModeChanges)
    .where(t.where(stockModeChanges))
    .orderBy(desc(stockModeChanges.entry))
    .limit(1);
  return row ?? null;
}

/** Every switch, newest first, with the address of who switched (the log on the Shopify page). */
export async function listStockModeChanges(db: Db, t: Tenant, limit = 20) {
  return db
    .select({
      id: stockModeChanges.id,
      mode: stockModeChanges.mode,
      startingCount: stockModeChanges.startingCount,
      createdAt: stockModeChanges.createdAt,
      userEmail: users.email,
    })
    .from(stockModeChanges)
    .leftJoin(users, eq(users.id, stockModeChanges.userId))
    .where(t.where(stockModeChanges))
    .orderBy(desc(stockModeChanges.entry))
    .limit(limit);
}

export async function insertStockModeChange(
  db: Db,
  t: Tenant,
  change: { mode: StockMode; userId: string | null; startingCount: StartingCountSummary | null },
): Promise<void> {
  await db.insert(stockModeChanges).values(t.owned(change));
}

/**
 * Serialises switches of one organisation (two tabs pressing at once): a transaction
 * advisory lock on the organisation, released at commit.
 */
export async function lockStockMode(db: Db, t: Tenant): Promise<void> {
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext(${`stock-mode:${t.organisationId}`}))`,
  );
}

/** Articles created from Shopify orders track stock, or stop tracking it. */
export async function setShopifyArticlesTracking(
  db: Db,
  t: Tenant,
  trackStock: boolean,
  now: Date,
): Promise<number> {
  const rows = await db
    .update(articles)
    .set({ trackStock, updatedAt: now })
    .where(t.where(articles, eq(articles.source, "shopify")))
    .returning({ id: articles.id });
  return rows.length;
}

/** These articles track stock from now on. */
export async function trackArticles(db: Db, t: Tenant, ids: readonly string[], now: Date) {
  if (ids.length === 0) return;
  await db
    .update(articles)
    .set({ trackStock: true, updatedAt: now })
    .where(t.where(articles, inArray(articles.id, [...ids])));
}

/** The articles with these SKUs, each with its current stock (thousandths). */
export async function articlesWithStockBySku(db: Db, t: Tenant, skus: readonly string[]) {
  if (skus.length === 0) return [];
  const stock = db
    .select({
      articleId: stockMovements.articleId,
      stockMilli: sql<string>`sum(${stockMovements.quantityMilli})`.as("stock_milli"),
    })
    .from(stockMovements)
    .where(t.where(stockMovements))
    .groupBy(stockMovements.articleId)
    .as("stock");
  return db
    .select({
      id: articles.id,
      sku: articles.sku,
      stockMilli: sql<number>`coalesce(${stock.stockMilli}, 0)::bigint`.mapWith(Number),
    })
    .from(articles)
    .leftJoin(stock, eq(stock.articleId, articles.id))
    .where(t.where(articles, isNotNull(articles.sku), inArray(articles.sku, [...skus])));
}

/** A starting count: the movement that brings an article from its stock to the count. */
export async function insertImportMovements(
  db: Db,
  t: Tenant,
  movements: { articleId: string; quantityMilli: number; note: string }[],
): Promise<void> {
  if (movements.length === 0) return;
  await db
    .insert(stockMovements)
    .values(movements.map((m) => t.owned({ ...m, cause: "import" as const })));
}

/**
 * Remembers a Shopify product sold without a SKU; returns true the first time only,
 * so the inbox says it once per product.
 */
export async function rememberProductWithoutSku(
  db: Db,
  t: Tenant,
  product: { productKey: string; title: string; orderName: string | null },
): Promise<boolean> {
  const rows = await db
    .insert(shopifyProductsWithoutSku)
    .values(t.owned(product))
    .onConflictDoNothing()
    .returning({ id: shopifyProductsWithoutSku.id });
  return rows.length > 0;
}

export async function listProductsWithoutSku(db: Db, t: Tenant, limit = 100) {
  return db
    .select()
    .from(shopifyProductsWithoutSku)
    .where(t.where(shopifyProductsWithoutSku))
    .orderBy(desc(shopifyProductsWithoutSku.createdAt), shopifyProductsWithoutSku.title)
    .limit(limit);
}
