import { asc, count, eq, sql } from "drizzle-orm";
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
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

/** A page of articles by name, each with its current stock (the sum of its ledger). */
export async function listArticles(db: Db, t: Tenant, query: ArticleSearch = {}) {
  const window = pageWindow(query);
  const where = t.where(articles, matchesAny(query.search, [articles.name, articles.sku]));
  const stock = db
    .select({
      articleId: stockMovements.articleId,
      stockMilli: sql<string>`sum(${stockMovements.quantityMilli})`.as("stock_milli"),
    })
    .from(stockMovements)
    .where(t.where(stockMovements))
    .groupBy(stockMovements.articleId)
    .as("stock");
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
        stockMilli: sql<number>`coalesce(${stock.stockMilli}, 0)::bigint`.mapWith(Number),
      })
      .from(articles)
      .leftJoin(stock, eq(stock.articleId, articles.id))
      .where(where)
      .orderBy(asc(sql`lower(${articles.name})`), asc(articles.id))
      .limit(window.pageSize)
      .offset(window.offset),
    db.select({ total: count() }).from(articles).where(where),
  ]);
  return pageOf(rows, total?.total ?? 0, window);
}
