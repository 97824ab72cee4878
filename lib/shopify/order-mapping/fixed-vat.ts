import type { FixedVatAmount } from "@/lib/vat";
import type { MappedLine } from "./mapped-types";

/**
 * Shopify's tax per (member state, category, rate) group = Σ of its per-line amounts. This is the
 * figure the customer paid, so the document keeps it instead of recomputing VAT on the
 * group total (which can differ by a cent: fixture eu-be-fixed-discount-rounding).
 * Only S groups carry VAT; the others compute to 0 on their own.
 */
export function fixedVatOf(lines: readonly MappedLine[]): FixedVatAmount[] {
  const byGroup = new Map<string, FixedVatAmount>();
  for (const line of lines) {
    if (line.vatCategory !== "S") continue;
    const key = `${line.vatCountry}:${line.vatRateBp}`;
    const vatCents = (byGroup.get(key)?.vatCents ?? 0) + line.taxCents;
    byGroup.set(key, { country: line.vatCountry, category: "S", rateBp: line.vatRateBp, vatCents });
  }
  return [...byGroup.values()];
}

export const isReverseCharge = (lines: readonly MappedLine[]) =>
  lines.some((line) => line.vatCategory === "AE" || line.vatCategory === "K");
