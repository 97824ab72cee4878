import { parseDecimalScaled } from "./parse-decimal";
import { toSafeInteger } from "./round-half-away";

/**
 * A quantity is kept exactly as thousandths (1.5 → 1500), which covers the three
 * decimals Belgian invoices use for weights and hours. It is never rounded: a
 * fourth significant decimal is an input error, not something to guess.
 * Negative quantities are allowed (return and correction lines).
 */
export interface Quantity {
  readonly thousandths: number;
}

export const QUANTITY_SCALE = 1000;

export function parseQuantity(text: string): Quantity {
  return { thousandths: toSafeInteger(parseDecimalScaled(text, 3, true), `quantity "${text}"`) };
}

/** Shortest decimal text of a quantity: 1500 → "1.5", -250 → "-0.25", 2000 → "2". */
export function formatQuantity(quantity: Quantity): string {
  const sign = quantity.thousandths < 0 ? "-" : "";
  const abs = Math.abs(quantity.thousandths);
  const whole = Math.floor(abs / QUANTITY_SCALE);
  const fraction = String(abs % QUANTITY_SCALE)
    .padStart(3, "0")
    .replace(/0+$/, "");
  return `${sign}${whole}${fraction ? `.${fraction}` : ""}`;
}
