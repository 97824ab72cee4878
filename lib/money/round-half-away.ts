import { MoneyError } from "./money-error";

/**
 * THE rounding rule of Facturo: round half away from zero (0.5 → 1, −0.5 → −1).
 * It is what EN 16931 validators assume (XPath `round()` on absolute amounts) and
 * what a customer expects when checking a Belgian invoice by hand; it is also
 * symmetric, so a credit note rounds exactly like the invoice it cancels.
 * Every division that can leave a remainder goes through here, on BigInt so no
 * intermediate product can lose precision.
 */
export function divideRoundHalfAway(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError("denominator must be positive");
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator; // same sign as numerator
  const absRemainder = remainder < 0n ? -remainder : remainder;
  if (absRemainder * 2n < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

/** Back from BigInt to a JS number, refusing anything a double cannot hold exactly. */
export function toSafeInteger(value: bigint, what = "amount"): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError("unsafe_integer", `${what} ${value} is beyond the safe integer range`);
  }
  return Number(value);
}
