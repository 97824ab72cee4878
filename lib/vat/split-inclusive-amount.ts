import { BASIS_POINTS } from "@/lib/money/percent-of-cents";
import { divideRoundHalfAway } from "@/lib/money/round-half-away";

export interface SplitAmount {
  readonly netCents: bigint;
  readonly vatCents: bigint;
}

/**
 * Splits a VAT-inclusive total into net + VAT so that net + VAT equals the gross
 * exactly (the customer paid the gross) and, whenever possible, VAT is exactly
 * round(net × rate) as BR-CO-17 and the per-rate rule want.
 *
 * net + round(net × rate) grows by 1 or 2 cents per cent of net, so its solution,
 * when it exists, is unique and lies next to gross / (1 + rate); we try the three
 * neighbours. Some grosses have no solution (at 21 %: net 2 → 2.00, net 3 → 4.00,
 * so 3 cents is skipped); then net = round(gross / (1 + rate)) and VAT takes the
 * rest, one cent off the product, well inside BR-CO-17's ±1 tolerance.
 */
export function splitInclusiveAmount(grossCents: bigint, rateBp: number): SplitAmount {
  const rate = BigInt(rateBp);
  const scale = BigInt(BASIS_POINTS);
  const nearest = divideRoundHalfAway(grossCents * scale, scale + rate);
  for (const netCents of [nearest, nearest - 1n, nearest + 1n]) {
    const vatCents = divideRoundHalfAway(netCents * rate, scale);
    if (netCents + vatCents === grossCents) return { netCents, vatCents };
  }
  return { netCents: nearest, vatCents: grossCents - nearest };
}
