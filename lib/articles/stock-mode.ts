import type { Db } from "@/db/client";
import { latestStockModeChange } from "@/db/queries/stock-mode";
import type { StockMode } from "@/db/schema/articles";
import type { Tenant } from "@/db/tenant";

export type { StockMode };
export const STOCK_MODES = ["facturo", "shopify"] as const satisfies readonly StockMode[];

/**
 * Until the merchant chooses, Shopify keeps the stock of what it sells: the link does
 * not synchronise stock, and counting it in both places would make both wrong.
 */
export const DEFAULT_STOCK_MODE: StockMode = "shopify";

/** Where the stock of articles sold in Shopify is managed now: the latest switch. */
export async function currentStockMode(db: Db, t: Tenant): Promise<StockMode> {
  return (await latestStockModeChange(db, t))?.mode ?? DEFAULT_STOCK_MODE;
}

/**
 * Whether finalising this document moves stock. A document made by hand always may
 * (tracked articles only); one made from Shopify only while Facturo manages the stock,
 * decided when it is issued, so nothing moves once the merchant has switched to Shopify.
 */
export function documentMovesStock(source: "manual" | "shopify", mode: StockMode): boolean {
  return source !== "shopify" || mode === "facturo";
}
