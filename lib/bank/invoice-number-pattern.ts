/** Separators people put in, or banks' fixed-width fields put into, an invoice number. */
const SEPARATOR = "[\\s._/-]*";

/**
 * A pattern that finds an invoice number in a payment's free text: case-insensitive,
 * tolerant to spaces, dashes, dots and slashes anywhere inside it ("F2026-000123",
 * "f 2026 000123", "F2026000123", and a CODA communication cut across records), but
 * word-bounded, so "F2026-000123" is not found inside "F2026-0001234" or "XF2026-000123".
 *
 * Numbers shorter than 4 letters/digits or without a digit return `undefined`: "12" or
 * "ABC" would be found in any text, and a wrong automatic match is worse than none.
 */
export function invoiceNumberPattern(invoiceNumber: string): RegExp | undefined {
  const characters = invoiceNumber.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (characters.length < 4 || !/\d/.test(characters)) return undefined;
  const body = [...characters].join(SEPARATOR);
  return new RegExp(`(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])`, "i");
}
