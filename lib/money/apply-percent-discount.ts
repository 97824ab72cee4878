import { percentOfCents } from "./percent-of-cents";

export interface DiscountedAmount {
  readonly discountCents: number;
  readonly netCents: number;
}

/**
 * Rounds the discount itself (half away from zero) and subtracts it, rather than
 * rounding the discounted amount: the invoice prints both the discount and the
 * result (art. 5 §1, 6° KB nr. 1), and EN 16931 wants amount − discount = net to
 * the cent. 10 % on 33.33 → discount 3.33, net 30.00.
 */
export function applyPercentDiscount(cents: number, discountBasisPoints: number): DiscountedAmount {
  const discountCents = percentOfCents(cents, discountBasisPoints);
  return { discountCents, netCents: cents - discountCents };
}
