import type { IntlLocale } from "./format-money";
import { BASIS_POINTS } from "./percent-of-cents";

/** 1050 → "0.1050": exact text for Intl, as money goes through centsToDecimalString. */
function basisPointsToFractionString(basisPoints: number): string {
  if (!Number.isSafeInteger(basisPoints))
    throw new RangeError(`${basisPoints} is not basis points`);
  const sign = basisPoints < 0 ? "-" : "";
  const digits = String(Math.abs(basisPoints)).padStart(String(BASIS_POINTS).length, "0");
  return `${sign}${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

/**
 * A percentage in basis points as exact decimal text, no trailing zeros: 2100 → "21",
 * 1050 → "10.5", 1255 → "12.55", 0 → "0". What the read API promises, UBL writes and
 * the forms show in their percent fields; for display in a locale use `formatPercent`.
 */
export function basisPointsToPercent(basisPoints: number): string {
  if (!Number.isSafeInteger(basisPoints))
    throw new RangeError(`${basisPoints} is not basis points`);
  const sign = basisPoints < 0 ? "-" : "";
  const abs = Math.abs(basisPoints);
  const whole = Math.trunc(abs / 100);
  const decimals = String(abs % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${sign}${whole}${decimals ? `.${decimals}` : ""}`;
}

/**
 * A percentage stored in basis points (VAT rates, discounts), for display: 2100 →
 * "21 %" in fr-BE, 550 → "5,5%" in en-BE. At most two decimals, as basis points hold.
 */
export function formatPercent(basisPoints: number, intlLocale: IntlLocale): string {
  return new Intl.NumberFormat(intlLocale, { style: "percent", maximumFractionDigits: 2 }).format(
    basisPointsToFractionString(basisPoints) as Intl.StringNumericLiteral,
  );
}
