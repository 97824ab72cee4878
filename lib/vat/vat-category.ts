import { HOME_VAT_COUNTRY, memberStateOf } from "./member-states";
import { VatError } from "./vat-error";

/**
 * EN 16931 VAT category codes (UNCL 5305 subset) that a Belgian merchant meets:
 * S standard rate, Z zero rate, E exempt, AE reverse charge, K intra-EU supply of
 * goods, G export outside the EU, O outside the scope of VAT.
 */
export const VAT_CATEGORIES = ["S", "Z", "E", "AE", "K", "G", "O"] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];

/**
 * Belgian rates in basis points (Royal Decree no. 20). Kept as a reference list
 * only: S lines accept any positive rate, because rates change by date and
 * product (e.g. hotels 6 % → 12 % on 1 March 2026) and OSS sales to consumers
 * elsewhere in the EU carry that country's rate.
 */
export const BELGIAN_VAT_RATES_BP = [2100, 1200, 600, 0] as const;

export interface VatTreatment {
  readonly category: VatCategory;
  readonly rateBp: number;
  /**
   * The member state whose VAT this is (ISO alpha-2); absent = Belgium. Only S may be
   * another state's: an OSS distance sale charged at the destination's rate. Exemptions
   * (K, G, E…) and Belgium's zero rate are Belgian law.
   */
  readonly country?: string;
}

export function isVatCategory(value: string): value is VatCategory {
  return (VAT_CATEGORIES as readonly string[]).includes(value);
}

/**
 * S needs a positive rate (BR-S-05); every other category carries 0 (BR-Z-05,
 * BR-E-05, BR-AE-05, BR-IC-05, BR-G-05; O has no rate at all, stored as 0).
 */
export function assertVatTreatment(treatment: VatTreatment, lineIndex?: number): VatTreatment {
  const { category, rateBp } = treatment;
  if (!isVatCategory(category)) {
    throw new VatError("invalid_category", `unknown VAT category "${String(category)}"`, lineIndex);
  }
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000) {
    throw new VatError("invalid_rate", `VAT rate ${rateBp} is not basis points`, lineIndex);
  }
  if (category === "S" ? rateBp === 0 : rateBp !== 0) {
    const expected = category === "S" ? "a positive rate" : "rate 0";
    throw new VatError("invalid_rate", `category ${category} needs ${expected}`, lineIndex);
  }
  if (treatment.country !== undefined) {
    const country = memberStateOf(String(treatment.country));
    if (country === null || country !== treatment.country) {
      const message = `"${String(treatment.country)}" is not an EU member state`;
      throw new VatError("invalid_vat_country", message, lineIndex);
    }
    if (category !== "S" && country !== HOME_VAT_COUNTRY) {
      const message = `category ${category} is Belgian law; only S may carry ${country} VAT`;
      throw new VatError("invalid_vat_country", message, lineIndex);
    }
  }
  return treatment;
}

/** The member state of a treatment: Belgium unless it says otherwise. */
export function treatmentCountry(treatment: Pick<VatTreatment, "country">): string {
  return treatment.country ?? HOME_VAT_COUNTRY;
}

/**
 * Stable key of a VAT breakdown group: "S:2100" for Belgian VAT, "NL:S:2100" for another
 * member state's (VAT is computed, summed and reported per state and rate).
 */
export function vatGroupKey(treatment: VatTreatment): string {
  const country = treatmentCountry(treatment);
  const key = `${treatment.category}:${treatment.rateBp}`;
  return country === HOME_VAT_COUNTRY ? key : `${country}:${key}`;
}

/** Breakdown order: category order above, then Belgium before other states (A–Z), then highest rate. */
export function compareVatTreatments(a: VatTreatment, b: VatTreatment): number {
  const byCategory = VAT_CATEGORIES.indexOf(a.category) - VAT_CATEGORIES.indexOf(b.category);
  if (byCategory !== 0) return byCategory;
  const [ca, cb] = [treatmentCountry(a), treatmentCountry(b)];
  if (ca !== cb) {
    if (ca === HOME_VAT_COUNTRY) return -1;
    if (cb === HOME_VAT_COUNTRY) return 1;
    return ca < cb ? -1 : 1;
  }
  return b.rateBp - a.rateBp;
}
