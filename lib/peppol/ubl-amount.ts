import { ratePercent } from "@/lib/documents/document-json";
import { centsToDecimalString } from "@/lib/money";

/**
 * Text forms of numbers in UBL. Everything is built from integers, never a float:
 * amounts have exactly two decimals (UBL-DT-01, BR-DEC-*), percentages as few as needed.
 */

/** 1234 → "12.34", -5 → "-0.05", 0 → "0.00". */
export function formatAmount(cents: number): string {
  return centsToDecimalString(cents);
}

/** 2100 → "21", 550 → "5.5", 946 → "9.46": VAT rates (BT-119/152) and discount percentages. */
export function formatPercent(basisPoints: number): string {
  return ratePercent(basisPoints);
}

/**
 * `cents / divisor` as a decimal with the fewest decimals (2 to 8) that stay within
 * `maxErrorCents` of the exact value once multiplied back by `divisor`. Used for net unit
 * prices, which EN 16931 allows to carry more than two decimals: 1.00 over 3 units is
 * "0.333" (3 × 0.333 = 0.999: a tenth of a cent off, well inside the 0.02 of
 * PEPPOL-EN16931-R120).
 * `divisor` is in thousandths (a quantity of 1.5 is 1500).
 */
export function formatRatio(
  cents: number,
  divisorThousandths: number,
  maxErrorCents = 0.1,
): string {
  if (divisorThousandths === 0) throw new RangeError("division by a zero quantity");
  const sign = cents < 0 !== divisorThousandths < 0 && cents !== 0 ? "-" : "";
  const numerator = BigInt(Math.abs(cents)) * 1000n; // in thousandths of a cent
  const divisor = BigInt(Math.abs(divisorThousandths));
  for (let decimals = 2; ; decimals++) {
    // value in units of 10^-decimals currency units = cents × 10^(decimals−2) / quantity
    const scale = 10n ** BigInt(decimals);
    const scaled = numerator * scale; // thousandths of a cent × 10^decimals
    const units = roundHalfUp(scaled, divisor * 100n); // 100 cents per unit
    // |quantity × price − amount| in cents, times 1000 × 10^decimals to stay integral
    const error = units * divisor * 100n - scaled;
    const withinTolerance =
      Number(error < 0n ? -error : error) <= maxErrorCents * 1000 * Number(scale);
    if (withinTolerance || decimals === 8) return sign + decimalText(units, decimals);
  }
}

function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

function decimalText(units: bigint, decimals: number): string {
  const digits = units.toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, -decimals);
  const fraction = digits.slice(-decimals).replace(/0+$/, "").padEnd(2, "0");
  return `${whole}.${fraction}`;
}
