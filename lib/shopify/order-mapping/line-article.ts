import { vatChoiceOf, vatTreatmentOf } from "@/lib/articles/article-vat";
import { divideRoundHalfAway, toSafeInteger } from "@/lib/money";
import type { MappedLine } from "./mapped-types";

/** The article a Shopify product line stands for: matched or created by its SKU. */
export interface LineArticle {
  sku: string;
  name: string;
  /** Excluding VAT, in cents; 0 when the order is not in euros (an article's price is). */
  unitPriceCents: number;
  vatCategory: ReturnType<typeof vatTreatmentOf>["vatCategory"];
  vatRateBp: number;
}

/** A product line without a SKU: a free line, named once per product in the inbox. */
export interface ProductWithoutSku {
  /** Shopify's product id, or the line's text when the line names no product. */
  productKey: string;
  title: string;
}

/**
 * What the product lines of an order say about articles: one per SKU (the first line
 * with it wins: name, price, VAT), and the products without one. The VAT of an article
 * is Belgian: a line taxed at a Belgian rate keeps it, any other treatment (intra-EU,
 * export, another country's OSS rate) tells nothing about it and gives 21 %.
 */
export function lineArticles(
  lines: readonly MappedLine[],
  currency: string,
): { articles: LineArticle[]; withoutSku: ProductWithoutSku[] } {
  const articles = new Map<string, LineArticle>();
  const withoutSku = new Map<string, ProductWithoutSku>();
  for (const line of lines) {
    if (line.kind !== "product" || line.quantity <= 0) continue;
    if (!line.sku) {
      const productKey = line.source.productId ?? `title:${line.description}`;
      if (!withoutSku.has(productKey))
        withoutSku.set(productKey, { productKey, title: line.description });
      continue;
    }
    if (articles.has(line.sku)) continue;
    articles.set(line.sku, {
      sku: line.sku,
      name: line.description,
      unitPriceCents: currency === "EUR" ? netUnitPrice(line) : 0,
      ...vatTreatmentOf(vatChoiceOf(line.vatCategory, line.vatRateBp)),
    });
  }
  return { articles: [...articles.values()], withoutSku: [...withoutSku.values()] };
}

/** The unit price before discounts, excluding the VAT Shopify charged on it. */
function netUnitPrice(line: MappedLine): number {
  if (line.priceMode !== "incl" || line.taxRateBp === 0) return line.unitPriceCents;
  return toSafeInteger(
    divideRoundHalfAway(BigInt(line.unitPriceCents) * 10_000n, BigInt(10_000 + line.taxRateBp)),
  );
}
