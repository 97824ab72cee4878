import type { VatCategory } from "@/lib/vat";

/**
 * The VAT treatments an article can carry, as one choice in the form: the Belgian
 * rates at standard category S, or 0 % as zero-rated (Z) or exempt (E). The value is
 * `category:rate` so the form needs a single select.
 */
export const articleVatChoices = ["S:2100", "S:1200", "S:600", "Z:0", "E:0"] as const;
export type ArticleVatChoice = (typeof articleVatChoices)[number];

export function vatChoiceOf(category: string, rateBp: number): ArticleVatChoice {
  const key = `${category}:${rateBp}`;
  return (articleVatChoices as readonly string[]).includes(key)
    ? (key as ArticleVatChoice)
    : "S:2100";
}

export function vatTreatmentOf(choice: ArticleVatChoice): {
  vatCategory: VatCategory;
  vatRateBp: number;
} {
  const [category, rate] = choice.split(":") as [VatCategory, string];
  return { vatCategory: category, vatRateBp: Number(rate) };
}
