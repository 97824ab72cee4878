import { assertCents } from "./money";
import { MoneyError } from "./money-error";
import { divideRoundHalfAway, toSafeInteger } from "./round-half-away";

/** Percentages are basis points (2100 = 21 %, 1000 = 10 %), so they are exact integers. */
export const BASIS_POINTS = 10_000;

export function assertBasisPoints(basisPoints: number, max = BASIS_POINTS): number {
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > max) {
    throw new MoneyError("invalid_percent", `${basisPoints} is not basis points in 0..${max}`);
  }
  return basisPoints;
}

/** cents × basisPoints / 10 000, rounded half away from zero. */
export function percentOfCents(cents: number, basisPoints: number): number {
  const product = BigInt(assertCents(cents)) * BigInt(assertBasisPoints(basisPoints));
  return toSafeInteger(divideRoundHalfAway(product, BigInt(BASIS_POINTS)));
}
