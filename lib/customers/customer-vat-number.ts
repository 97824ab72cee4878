import { checkBelgianVatNumber, normaliseBelgianVatNumber } from "@/lib/company/vat-number";

/**
 * A customer's VAT or enterprise number. Belgian numbers (with or without `BE`) are
 * checked digit by digit; another EU number is kept as text after its 2-letter country
 * prefix (Greece's is `EL`), because each country has its own rules and VIES, not a
 * regex, is the authority on whether it exists.
 */
export type CustomerVatProblem = "format" | "first_digit" | "checksum" | "foreign_format";

export type CustomerVatResult =
  { ok: true; value: string } | { ok: false; problem: CustomerVatProblem };

/** VIES prefixes of the other member states (Greece is EL, Northern Ireland XI). */
const EU_PREFIXES = new Set(
  "AT BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK XI".split(" "),
);
/** After the prefix: 2-13 letters, digits, + or *, with at least one digit. */
const FOREIGN_BODY = /^(?=.*\d)[0-9A-Z+*]{2,13}$/;

export function parseCustomerVatNumber(input: string): CustomerVatResult {
  const compact = input.replace(/[\s.\-/]/g, "").toUpperCase();
  const isBelgian = compact.startsWith("BE") || /^\d+$/.test(compact);
  if (isBelgian) {
    const problem = checkBelgianVatNumber(compact);
    return problem
      ? { ok: false, problem }
      : { ok: true, value: normaliseBelgianVatNumber(compact) };
  }
  const known = EU_PREFIXES.has(compact.slice(0, 2)) && FOREIGN_BODY.test(compact.slice(2));
  return known ? { ok: true, value: compact } : { ok: false, problem: "foreign_format" };
}
