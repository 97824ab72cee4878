import { and, asc, count, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import type { ArticleFields } from "@/lib/articles/article-schema";
import type { Db } from "../client";
import { isUniqueViolation } from "../errors";
import { articles, stockMovements } from "../schema";
import type { Tenant } from "../tenant";
import { matchesAny, pageOf, pageWindow } from "./text-search";

export type Article = typeof articles.$inferSelect;

/** Why an article was not saved; the form shows it on the SKU field. */
export type ArticleSaveResult =
  { ok: true; id: string } | { ok: false; reason: "duplicate_sku" | "not_found" };

/** A SKU is unique within an organisation (a partial unique index; no SKU is fine). */
export async function createArticle(
  db: Db,
  t: Tenant,
  fields: ArticleFields,
): Promise<ArticleSaveResult> {
  try {
    const [row] = await db
      .insert(articles)
      .values(t.owned({ ...fields }))
      .returning({ id: articles.id });
    if (!row) throw new Error("Article insert returned nothing");
    return { ok: true, id: row.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate_sku" };
    throw error;
  }
}

export async function updateArticle(
  db: Db,
  t: Tenant,
  id: string,
  fields: ArticleFields,
): Promise<ArticleSaveResult> {
  try {
    const [row] = await db
      .update(articles)
      .set({ ...fields, updatedAt: new Date() })
      .where(t.where(articles, eq(articles.id, id)))
      .returning({ id: articles.id });
    return row ? { ok: true, id: row.id } : { ok: false, reason: "not_found" };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "duplicate_sku" };
    throw error;
  }
}

export async function getArticle(db: Db, t: Tenant, id: string): Promise<Article | null> {
  const [row] = await db
    .select()
    .from(articles)
    .where(t.where(articles, eq(articles.id, id)));
  return row ?? null;
}

export async function getArticleBySku(db: Db, t: Tenant, sku: string): Promise<Article | null> {
  const [row] = await db
    .select()
    .from(articles)
    .where(t.where(articles, eq(articles.sku, sku)));
  return row ?? null;
}

export interface ArticleSearch {
  /** Matches name or SKU, anywhere, ignoring case. */
  search?: string;
  /** Only the articles created from Shopify orders. */
  fromShopify?: boolean;
  /** Only tracked articles at or below their low-stock threshold. */
  lowStock?: boolean;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

/** Each article's stock: the sum of its ledger (articles without movements have none). */
function stockTotals(db: Db, t: Tenant) {
  return db
    .select({
      articleId: stockMovements.articleId,
      stockMilli: sql<string>`sum(${stockMovements.quantityMilli})`.as("stock_milli"),
    })
    .from(stockMovements)
    .where(t.where(stockMovements))
    .groupBy(stockMovements.articleId)
    .as("stock");
}

/** A page of articles by name, each with its current stock (the sum of its ledger). */
export async function listArticles(db: Db, t: Tenant, query: ArticleSearch = {}) {
  const window = pageWindow(query);
  const stock = stockTotals(db, t);
  const stockMilli = sql<number>`coalesce(${stock.stockMilli}, 0)::bigint`.mapWith(Number);
  const where = t.where(
    articles,
    matchesAny(query.search, [articles.name, articles.sku]),
    query.fromShopify ? eq(articles.source, "shopify") : undefined,
    query.lowStock ? isLowStock(stockMilli) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: articles.id,
        sku: articles.sku,
        name: articles.name,
        unitPriceCents: articles.unitPriceCents,
        vatCategory: articles.vatCategory,
        vatRateBp: articles.vatRateBp,
        trackStock: articles.trackStock,
        source: articles.source,
        lowStockMilli: articles.lowStockMilli,
        stockMilli,
      })
      .from(articles)
      .leftJoin(stock, eq(stock.articleId, articles.id))
      .where(where)
      .orderBy(asc(sql`lower(${articles.name})`), asc(articles.id))
      .limit(window.pageSize)
      .offset(window.offset),
    db
      .select({ total: count() })
      .from(articles)
      .leftJoin(stock, eq(stock.articleId, articles.id))
      .where(where),
  ]);
  return pageOf(rows, total?.total ?? 0, window);
}

const isLowStock = (stockMilli: SQL) =>
  and(
    eq(articles.trackStock, true),
    isNotNull(articles.lowStockMilli),
    sql`${stockMilli} <= ${articles.lowStockMilli}`,
  );

/** How many tracked articles are at or below their low-stock threshold (the home's badge). */
export async function countLowStockArticles(db: Db, t: Tenant): Promise<number> {
  const stock = stockTotals(db, t);
  const [row] = await db
    .select({ total: count() })
    .from(articles)
    .leftJoin(stock, eq(stock.articleId, articles.id))
    .where(t.where(articles, isLowStock(sql`coalesce(${stock.stockMilli}, 0)`)));
  return row?.total ?? 0;
}

/**
 * Articles for Shopify SKUs that have none yet (an existing article with the SKU, made
 * by hand or by an earlier order, is kept as it is). Concurrent orders with the same
 * SKU meet the unique index: one creates it, the other finds it. Returns the SKUs created.
 */
export async function createMissingShopifyArticles(
  db: Db,
  t: Tenant,
  candidates: readonly (Omit<ArticleFields, "sku" | "trackStock" | "lowStockMilli"> & {
    sku: string;
  })[],
  trackStock: boolean,
): Promise<string[]> {
  if (candidates.length === 0) return [];
  const rows = await db
    .insert(articles)
    .values(candidates.map((c) => t.owned({ ...c, trackStock, source: "shopify" as const })))
    .onConflictDoNothing()
    .returning({ sku: articles.sku });
  return rows.map((r) => r.sku ?? "");
}
