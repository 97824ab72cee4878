import type { Db } from "@/db";
import { createMissingShopifyArticles } from "@/db/queries/articles";
import { rememberProductWithoutSku } from "@/db/queries/stock-mode";
import type { Tenant } from "@/db/tenant";
import type { StockMode } from "@/lib/articles/stock-mode";
import { lineArticles, type MappedOrderDocument } from "../order-mapping";

export interface ArticleMatch {
  /** SKUs for which an article was created now. */
  created: string[];
  /** Products without a SKU seen for the first time (the inbox names each once). */
  newProductsWithoutSku: string[];
}

/**
 * The articles of an order's product lines: each SKU matches the article with that SKU
 * or creates it from the line (name, price excl. VAT, VAT rate), tracked when Facturo
 * manages the stock, untracked (for the line editor's suggestions) when Shopify does.
 * A product without a SKU stays a free line; while Facturo manages the stock it is
 * remembered once, so the inbox can say that its stock is not kept. Idempotent.
 */
export async function matchOrderArticles(
  db: Db,
  t: Tenant,
  input: { mapped: MappedOrderDocument; mode: StockMode },
): Promise<ArticleMatch> {
  const { articles, withoutSku } = lineArticles(input.mapped.lines, input.mapped.currency);
  const created = await createMissingShopifyArticles(db, t, articles, input.mode === "facturo");
  const newProductsWithoutSku: string[] = [];
  if (input.mode === "facturo") {
    for (const product of withoutSku) {
      const isNew = await rememberProductWithoutSku(db, t, {
        ...product,
        orderName: input.mapped.shopify.orderName,
      });
      if (isNew) newProductsWithoutSku.push(product.title);
    }
  }
  return { created, newProductsWithoutSku };
}
