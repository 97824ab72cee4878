import { BASIS_POINTS, divideRoundHalfAway, percentOfCents } from "@/lib/money";

/** Candidates within this many basis points of the true ratio are tried. */
const REACH = 3;

/** Whole percents first (10 %), then tenths (9.4 %), then the rest: what a customer expects to read. */
const roundness = (bp: number) => (bp % 100 === 0 ? 0 : bp % 10 === 0 ? 1 : 2);

/**
 * Facturo stores a line discount as a percentage (basis points) and prices it as
 * round(amount × bp / 10 000). Shopify gives the discount in cents. This finds the
 * basis points that reproduce Shopify's cents exactly — preferring the roundest
 * (a 10 % code on 34.95 gives 3.50 with 1000 bp as well as with 1001 bp; 1000 wins),
 * then the nearest to the true ratio (a fixed 2.79 share of 29.50 → 946 bp).
 * Null when none does — above 100.00 one basis point is worth more than a cent, so
 * some amounts cannot be hit; the caller then adds a separate discount line.
 */
export function exactDiscountBasisPoints(
  amountCents: number,
  discountCents: number,
): number | null {
  if (discountCents === 0) return 0;
  if (amountCents <= 0 || discountCents < 0 || discountCents > amountCents) return null;
  const exact = BigInt(discountCents) * BigInt(BASIS_POINTS);
  const nearest = Number(divideRoundHalfAway(exact, BigInt(amountCents)));
  const candidates: number[] = [];
  for (let bp = nearest - REACH; bp <= nearest + REACH; bp++) {
    if (bp < 0 || bp > BASIS_POINTS) continue;
    if (percentOfCents(amountCents, bp) === discountCents) candidates.push(bp);
  }
  const distance = (bp: number) => Math.abs(bp - nearest);
  candidates.sort((a, b) => roundness(a) - roundness(b) || distance(a) - distance(b) || a - b);
  return candidates[0] ?? null;
}
