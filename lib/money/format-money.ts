import { assertCents, assertCurrency } from "./money";

export type IntlLocale = "fr-BE" | "nl-BE" | "en-BE" | "de-BE";

/** -1234 → "-12.34": exact text for Intl, so huge amounts never pass through a float. */
export function centsToDecimalString(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const digits = String(Math.abs(assertCents(cents))).padStart(3, "0");
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** Display only ("12,34 €" in fr-BE, "€ 12,34" in nl-BE); never parse the result back. */
export function formatMoney(cents: number, currency: string, intlLocale: IntlLocale): string {
  const format = new Intl.NumberFormat(intlLocale, {
    style: "currency",
    currency: assertCurrency(currency),
  });
  return format.format(centsToDecimalString(cents) as Intl.StringNumericLiteral);
}
