import { HOME_VAT_COUNTRY } from "./member-states";

/** What a rate is for: the standard rate, or one of the reduced rates a state applies. */
export type VatRateKind = "standard" | "reduced" | "super_reduced" | "parking" | "zero";

export interface VatRate {
  readonly country: string;
  readonly kind: VatRateKind;
  /** Basis points: 2100 = 21 %. */
  readonly rateBp: number;
  /** First day the rate applies (YYYY-MM-DD). */
  readonly validFrom: string;
  /** Last day it applies; null while it is in force. */
  readonly validTo: string | null;
}

/**
 * The rates Facturo knows, as data: Belgium's own and those of the member states its
 * merchants' OSS distance sales reach in the fixtures and tests (NL, FR, DE). Sources:
 * the European Commission's "VAT rates applied in the Member States of the European
 * Union" (DG TAXUD, yearly) and, for Belgium, Royal Decree no. 20 (docs/belgian-invoicing.md
 * §2.3 and §2.7). `validFrom` is the day the rate took its present value (for Belgium's
 * three rates: the earliest day this table vouches for, 1 January 1996, when 21 % began).
 * A change of rate is a new row with its dates, never an edit of an old one.
 */
export const VAT_RATES: readonly VatRate[] = [
  rate("BE", "standard", 2100, "1996-01-01"),
  rate("BE", "parking", 1200, "1996-01-01"),
  rate("BE", "reduced", 600, "1996-01-01"),
  rate("NL", "standard", 2100, "2012-10-01"),
  rate("NL", "reduced", 900, "2019-01-01"),
  rate("FR", "standard", 2000, "2014-01-01"),
  rate("FR", "reduced", 1000, "2014-01-01"),
  rate("FR", "reduced", 550, "2014-01-01"),
  rate("FR", "super_reduced", 210, "2014-01-01"),
  // Germany: 19 % / 7 % since 2007, lowered to 16 % / 5 % for the second half of 2020.
  rate("DE", "standard", 1900, "2007-01-01", "2020-06-30"),
  rate("DE", "reduced", 700, "2007-01-01", "2020-06-30"),
  rate("DE", "standard", 1600, "2020-07-01", "2020-12-31"),
  rate("DE", "reduced", 500, "2020-07-01", "2020-12-31"),
  rate("DE", "standard", 1900, "2021-01-01"),
  rate("DE", "reduced", 700, "2021-01-01"),
];

function rate(
  country: string,
  kind: VatRateKind,
  rateBp: number,
  validFrom: string,
  validTo: string | null = null,
): VatRate {
  return { country, kind, rateBp, validFrom, validTo };
}

/** The rates of `country` in force on `date` (YYYY-MM-DD); empty when Facturo has none. */
export function vatRatesOn(country: string, date: string): VatRate[] {
  return VAT_RATES.filter(
    (r) =>
      r.country === country && r.validFrom <= date && (r.validTo === null || date <= r.validTo),
  );
}

/** Whether Facturo has any rates of `country` (a rate it cannot check is not called wrong). */
export function knowsVatRatesOf(country: string): boolean {
  return VAT_RATES.some((r) => r.country === country);
}

/** Is `rateBp` a rate of `country` on `date`? Null when Facturo keeps no rates of that country. */
export function isVatRateOn(country: string, rateBp: number, date: string): boolean | null {
  if (!knowsVatRatesOf(country)) return null;
  return vatRatesOn(country, date).some((r) => r.rateBp === rateBp);
}

/** Belgium's rates on `date`, highest first. */
export function belgianVatRatesOn(date: string): number[] {
  return vatRatesOn(HOME_VAT_COUNTRY, date)
    .map((r) => r.rateBp)
    .sort((a, b) => b - a);
}
