import type { Db } from "@/db/client";
import {
  articlesWithStockBySku,
  insertImportMovements,
  insertStockModeChange,
  lockStockMode,
  setShopifyArticlesTracking,
  trackArticles,
} from "@/db/queries/stock-mode";
import type { StartingCountSummary } from "@/db/schema/articles";
import type { Tenant } from "@/db/tenant";
import type { Clock } from "@/lib/calendar/clock";
import type { StockCount } from "./parse-stock-count";
import { currentStockMode, type StockMode } from "./stock-mode";

export interface SwitchStockModeInput {
  mode: StockMode;
  userId: string | null;
  /**
   * The starting count when Facturo takes over: from a file, from Shopify's levels, or
   * both (the file's line wins for a SKU in both). Ignored when Shopify takes over.
   */
  counts?: { csv?: readonly StockCount[]; shopify?: readonly StockCount[] };
}

export type SwitchStockModeResult =
  | { changed: false; mode: StockMode }
  | { changed: true; mode: StockMode; startingCount: StartingCountSummary | null };

/**
 * Where the stock of articles sold in Shopify is managed. To Facturo: the articles made
 * from Shopify orders track stock from now on, and each counted SKU's stock is set to
 * its count (one "import" movement of the difference, so the history explains it). To
 * Shopify: those articles stop tracking stock and Shopify's documents move none. Every
 * switch is logged (who, when, what the count did). One transaction, one switch at a
 * time per organisation; choosing the current mode again without a count changes nothing.
 */
export async function switchStockMode(
  db: Db,
  t: Tenant,
  input: SwitchStockModeInput,
  clock: Clock,
): Promise<SwitchStockModeResult> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    await lockStockMode(tx, t);
    const previous = await currentStockMode(tx, t);
    const csv = input.mode === "facturo" ? (input.counts?.csv ?? []) : [];
    const shopify = input.mode === "facturo" ? (input.counts?.shopify ?? []) : [];
    const counted = input.counts?.csv !== undefined || input.counts?.shopify !== undefined;
    if (previous === input.mode && !(input.mode === "facturo" && counted))
      return { changed: false, mode: previous };

    await setShopifyArticlesTracking(tx, t, input.mode === "facturo", now);
    let startingCount: StartingCountSummary | null = null;
    if (input.mode === "facturo" && counted) {
      startingCount = await applyStartingCount(tx, t, { csv, shopify }, now);
    }
    await insertStockModeChange(tx, t, { mode: input.mode, userId: input.userId, startingCount });
    return { changed: true, mode: input.mode, startingCount };
  });
}

async function applyStartingCount(
  tx: Db,
  t: Tenant,
  counts: { csv: readonly StockCount[]; shopify: readonly StockCount[] },
  now: Date,
): Promise<StartingCountSummary> {
  const bySku = new Map<string, { quantityMilli: number; from: "csv" | "shopify" }>();
  for (const c of counts.shopify)
    bySku.set(c.sku, { quantityMilli: c.quantityMilli, from: "shopify" });
  for (const c of counts.csv) bySku.set(c.sku, { quantityMilli: c.quantityMilli, from: "csv" });
  const found = await articlesWithStockBySku(tx, t, [...bySku.keys()]);
  const known = new Map(found.map((a) => [a.sku ?? "", a]));
  const movements = [];
  for (const [sku, count] of bySku) {
    const article = known.get(sku);
    if (!article) continue;
    const delta = count.quantityMilli - article.stockMilli;
    if (delta !== 0)
      movements.push({ articleId: article.id, quantityMilli: delta, note: `count:${count.from}` });
  }
  // A counted article is one whose stock the merchant keeps here, whoever made it.
  await trackArticles(
    tx,
    t,
    found.map((a) => a.id),
    now,
  );
  await insertImportMovements(tx, t, movements);
  return {
    sources: [
      ...(counts.csv.length > 0 ? (["csv"] as const) : []),
      ...(counts.shopify.length > 0 ? (["shopify"] as const) : []),
    ],
    counted: found.length,
    unknownSkus: [...bySku.keys()].filter((sku) => !known.has(sku)).sort(),
  };
}
