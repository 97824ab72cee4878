/**
 * Belgian VAT / enterprise numbers: BE + 10 digits, first digit 0 or 1 (the 1-series
 * started in 2023), last two digits = 97 − (first 8 digits mod 97).
 * Merchants type them as `BE 0123.456.749`, `0123456749` or `be0123-456-749`.
 */
export type VatNumberProblem = "format" | "first_digit" | "checksum";

export function normaliseBelgianVatNumber(input: string): string {
  const compact = input.replace(/[\s.\-/]/g, "").toUpperCase();
  const digits = compact.startsWith("BE") ? compact.slice(2) : compact;
  // Old 9-digit numbers are the same number with a leading 0.
  return "BE" + (/^\d{9}$/.test(digits) ? `0${digits}` : digits);
}

export function checkBelgianVatNumber(input: string): VatNumberProblem | null {
  const normalised = normaliseBelgianVatNumber(input);
  if (!/^BE\d{10}$/.test(normalised)) return "format";
  const digits = normalised.slice(2);
  if (digits[0] !== "0" && digits[0] !== "1") return "first_digit";
  const expected = 97 - (Number(digits.slice(0, 8)) % 97);
  return Number(digits.slice(8)) === expected ? null : "checksum";
}

/** `BE0123456749` → `BE 0123.456.749`, the printed form. */
export function formatBelgianVatNumber(normalised: string): string {
  const d = normalised.slice(2);
  return `BE ${d.slice(0, 4)}.${d.slice(4, 7)}.${d.slice(7)}`;
}
