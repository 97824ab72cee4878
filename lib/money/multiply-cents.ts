import { assertCents } from "./money";
import { QUANTITY_SCALE, type Quantity } from "./parse-quantity";
import { divideRoundHalfAway, toSafeInteger } from "./round-half-away";

/**
 * unit price × quantity, computed exactly on BigInt and rounded once at the end
 * (half away from zero): 1.5 × 9.99 = 14.985 → 14.99.
 */
export function multiplyCents(unitCents: number, quantity: Quantity): number {
  const product = BigInt(assertCents(unitCents, "unit price")) * BigInt(quantity.thousandths);
  return toSafeInteger(divideRoundHalfAway(product, BigInt(QUANTITY_SCALE)), "line amount");
}
