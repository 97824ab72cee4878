import { BELGIAN_VAT_RATES_BP, isVatCategory, type VatCategory } from "@/lib/vat";

/**
 * The VAT column of a line is one choice for the merchant ("21 %", "Reverse charge")
 * but two fields for the schema (category + rate): S with a positive rate, every
 * other category at 0 (see lib/vat/vat-category.ts).
 */
export interface VatChoice {
  value: string;
  category: VatCategory;
  rateBp: number;
}

const choice = (category: VatCategory, rateBp: number): VatChoice => ({
  value: `${category}:${rateBp}`,
  category,
  rateBp,
});

export const VAT_CHOICES: readonly VatChoice[] = [
  ...BELGIAN_VAT_RATES_BP.map((rateBp) => choice(rateBp > 0 ? "S" : "Z", rateBp)),
  choice("E", 0),
  choice("AE", 0),
  choice("K", 0),
  choice("G", 0),
];

export function vatChoiceValue(category: string, rateBp: unknown): string {
  return `${category}:${Number(rateBp)}`;
}

export function parseVatChoice(value: string): VatChoice | null {
  const [category = "", rate = ""] = value.split(":");
  const rateBp = Number(rate);
  if (!isVatCategory(category) || !/^\d+$/.test(rate)) return null;
  if (category === "S" ? rateBp <= 0 || rateBp > 10_000 : rateBp !== 0) return null;
  return choice(category, rateBp);
}

/** The choices, plus the line's current one when it is not a usual Belgian one (OSS, Shopify). */
export function vatChoicesFor(category: string, rateBp: unknown): readonly VatChoice[] {
  const current = parseVatChoice(vatChoiceValue(category, rateBp));
  if (!current || VAT_CHOICES.some((c) => c.value === current.value)) return VAT_CHOICES;
  return [...VAT_CHOICES, current];
}
