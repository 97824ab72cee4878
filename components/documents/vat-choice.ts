import {
  BELGIAN_VAT_RATES_BP,
  HOME_VAT_COUNTRY,
  isVatCategory,
  memberStateOf,
  VAT_RATES,
  type VatCategory,
} from "@/lib/vat";

/**
 * The VAT column of a line is one choice for the merchant ("21 %", "NL btw 21 %",
 * "Reverse charge") but three fields for the schema (category, rate, member state): S
 * with a positive rate, every other category at 0 and Belgian (lib/vat/vat-category.ts).
 */
export interface VatChoice {
  value: string;
  category: VatCategory;
  rateBp: number;
  /** The member state whose VAT this is; BE for Belgian VAT and every exemption. */
  country: string;
}

const choice = (category: VatCategory, rateBp: number, country = HOME_VAT_COUNTRY): VatChoice => ({
  value: vatChoiceValue(category, rateBp, country),
  category,
  rateBp,
  country,
});

/** Another member state's rates in force (OSS distance sales), from lib/vat/vat-rates.ts. */
const MEMBER_STATE_CHOICES = VAT_RATES.filter(
  (r) => r.country !== HOME_VAT_COUNTRY && r.validTo === null,
).map((r) => choice("S", r.rateBp, r.country));

export const VAT_CHOICES: readonly VatChoice[] = [
  ...BELGIAN_VAT_RATES_BP.map((rateBp) => choice(rateBp > 0 ? "S" : "Z", rateBp)),
  choice("E", 0),
  choice("AE", 0),
  choice("K", 0),
  choice("G", 0),
  ...MEMBER_STATE_CHOICES,
];

/** "S:2100" for Belgian VAT, "S:2100:NL" for Dutch VAT. */
export function vatChoiceValue(category: string, rateBp: unknown, country?: unknown): string {
  const state = typeof country === "string" && country ? country : HOME_VAT_COUNTRY;
  const value = `${category}:${Number(rateBp)}`;
  return state === HOME_VAT_COUNTRY ? value : `${value}:${state}`;
}

export function parseVatChoice(value: string): VatChoice | null {
  const [category = "", rate = "", state = HOME_VAT_COUNTRY, ...rest] = value.split(":");
  const rateBp = Number(rate);
  if (rest.length > 0 || !isVatCategory(category) || !/^\d+$/.test(rate)) return null;
  if (category === "S" ? rateBp <= 0 || rateBp > 10_000 : rateBp !== 0) return null;
  if (memberStateOf(state) !== state) return null;
  if (category !== "S" && state !== HOME_VAT_COUNTRY) return null;
  return choice(category, rateBp, state);
}

/** The choices, plus the line's current one when it is not a usual one (a rate from Shopify). */
export function vatChoicesFor(
  category: string,
  rateBp: unknown,
  country?: unknown,
): readonly VatChoice[] {
  const current = parseVatChoice(vatChoiceValue(category, rateBp, country));
  if (!current || VAT_CHOICES.some((c) => c.value === current.value)) return VAT_CHOICES;
  return [...VAT_CHOICES, current];
}
