import { MoneyError } from "./money-error";
import { divideRoundHalfAway, toSafeInteger } from "./round-half-away";

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Parses a plain decimal string ("12.345", "-0.5", "3") into an integer count of
 * 10^-scale units, as BigInt. No parseFloat: the digits are read as text, so
 * "0.335" stays 0.335 and never becomes 0.33499999…
 *
 * `exact: true` refuses digits beyond `scale` (for quantities, which must not be
 * rounded); otherwise they are rounded half away from zero, the one rounding rule.
 * Only machine formats are accepted (dot separator, no grouping, no exponent);
 * locale input such as "1.234,50" must be normalised by the form layer.
 */
export function parseDecimalScaled(text: string, scale: number, exact = false): bigint {
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyError("invalid_decimal", `"${text}" is not a decimal number`);
  const [, sign = "", whole = "0", fraction = ""] = match;
  const kept = fraction.slice(0, scale).padEnd(scale, "0");
  const dropped = fraction.slice(scale);
  if (exact && /[1-9]/.test(dropped)) {
    throw new MoneyError("too_many_decimals", `"${text}" has more than ${scale} decimals`);
  }
  // Keep the dropped digits as a numerator over 10^len so the rounding sees all of them.
  const extra = BigInt(10) ** BigInt(dropped.length);
  const scaled = BigInt(whole + kept + dropped);
  const magnitude = divideRoundHalfAway(scaled, extra);
  return sign === "-" ? -magnitude : magnitude;
}

/** "12.345" → 1235 cents (half away from zero); "-0.005" → -1. */
export function parseDecimalToCents(text: string): number {
  return toSafeInteger(parseDecimalScaled(text, 2), `"${text}"`);
}
