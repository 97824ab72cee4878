import { z } from "zod";
import { parseDecimalToCents, parseQuantity } from "@/lib/money";
import { articleVatChoices, vatTreatmentOf } from "./article-vat";

/**
 * The article form, shared by the browser and the server action. The price is typed
 * as a decimal ("12,50" or "12.50") and becomes exact cents here, excluding VAT.
 * Messages are i18n keys (`validation.*` or `articles.validation.*`).
 */
export const articleSchema = z
  .object({
    sku: z
      .string()
      .trim()
      .max(100, "validation.tooLong")
      .transform((v) => v || null),
    name: z.string().trim().min(1, "validation.required").max(300, "validation.tooLong"),
    unitPrice: z
      .string()
      .trim()
      .regex(/^\d{1,10}([.,]\d{1,2})?$/, "articles.validation.price")
      .transform((v) => parseDecimalToCents(v.replace(",", "."))),
    vat: z.enum(articleVatChoices),
    trackStock: z.boolean(),
    /** Optional: at or below this stock the article is flagged; empty = no flag. */
    lowStock: z
      .string()
      .trim()
      .regex(/^(\d{1,9}([.,]\d{1,3})?)?$/, "articles.validation.lowStock")
      .optional()
      .transform((v) => (v ? parseQuantity(v.replace(",", ".")).thousandths : null)),
  })
  .transform(({ unitPrice, vat, lowStock, ...article }) => ({
    ...article,
    unitPriceCents: unitPrice,
    ...vatTreatmentOf(vat),
    lowStockMilli: lowStock,
  }));

export type ArticleInput = z.input<typeof articleSchema>;
/** Exactly the article row's editable columns. */
export type ArticleFields = z.output<typeof articleSchema>;

export const emptyArticleInput: ArticleInput = {
  sku: "",
  name: "",
  unitPrice: "",
  vat: "S:2100",
  trackStock: false,
  lowStock: "",
};
