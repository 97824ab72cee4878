import { computeCheckDigits } from "./compute-check-digits";

/**
 * The 12 digits to store on an invoice (immutable once issued): the 10-digit base
 * followed by its check digits. Print them with `formatStructuredCommunication`.
 */
export function createStructuredCommunication(base: string): string {
  return base + computeCheckDigits(base);
}
