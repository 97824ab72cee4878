import type { VatCategory } from "@/lib/vat";
import { exemptionReason, type ExemptionContext, type ExemptionReason } from "./exemption-reason";
import { UblError } from "./ubl-error";
import type { UblLine, UblVatBreakdownEntry } from "./ubl-input";
import { vatWithinTolerance } from "./vat-tolerance";

/** One VAT breakdown (BG-23): a TaxSubtotal of the TaxTotal. */
export interface UblTaxSubtotal {
  readonly category: VatCategory;
  readonly rateBp: number;
  readonly taxableCents: number;
  readonly vatCents: number;
  readonly exemption: ExemptionReason | null;
}

const groupKey = (category: string, rateBp: number) => `${category}:${rateBp}`;

/**
 * The document's VAT breakdown as TaxSubtotals, checked against its lines the way the
 * validator will check them, so a bad document fails here with a clear message:
 *
 * - every line's (category, rate) has a breakdown, and the group's line nets add up to
 *   its taxable amount exactly (BR-S-08, BR-Z-08, BR-E-08, BR-AE-08, BR-IC-08, BR-G-08,
 *   BR-O-08: there are no document-level allowances or charges in Facturo);
 * - only S carries VAT, at a positive rate (BR-S-05, BR-*-09);
 * - the VAT is within BR-CO-17's tolerance (`vat-tolerance.ts`).
 *
 * A breakdown without lines is dropped when it is all zeros (nothing to declare) and
 * refused otherwise (BR-S-08 needs a line of that rate).
 */
export function buildTaxSubtotals(
  lines: readonly UblLine[],
  breakdown: readonly UblVatBreakdownEntry[],
  context: ExemptionContext,
): UblTaxSubtotal[] {
  const lineNets = new Map<string, number>();
  for (const line of lines) {
    const key = groupKey(line.vatCategory, line.vatRateBp);
    lineNets.set(key, (lineNets.get(key) ?? 0) + line.netCents);
  }
  const seen = new Set<string>();
  const subtotals: UblTaxSubtotal[] = [];
  for (const entry of breakdown) {
    const key = groupKey(entry.category, entry.rateBp);
    if (seen.has(key))
      throw new UblError("breakdown_mismatch", `VAT group ${key} twice`, "BR-CO-18");
    seen.add(key);
    const linesNet = lineNets.get(key);
    if (linesNet === undefined) {
      if (entry.taxableCents === 0 && entry.vatCents === 0) continue;
      throw new UblError("breakdown_mismatch", `VAT group ${key} has no lines`, "BR-S-08");
    }
    if (linesNet !== entry.taxableCents) {
      const message = `VAT group ${key}: lines add up to ${linesNet}, taxable is ${entry.taxableCents}`;
      throw new UblError("breakdown_mismatch", message, `BR-${ruleLetter(entry.category)}-08`);
    }
    if (entry.category === "S" ? entry.rateBp <= 0 : entry.rateBp !== 0 || entry.vatCents !== 0) {
      const message = `VAT group ${key} cannot carry rate ${entry.rateBp} and VAT ${entry.vatCents}`;
      throw new UblError("breakdown_mismatch", message, `BR-${ruleLetter(entry.category)}-09`);
    }
    if (!vatWithinTolerance(entry.taxableCents, entry.vatCents, entry.rateBp)) {
      const message = `VAT group ${key}: VAT ${entry.vatCents} on ${entry.taxableCents} is a unit or more off the rate`;
      throw new UblError("vat_outside_tolerance", message, "BR-CO-17");
    }
    subtotals.push({ ...entry, exemption: exemptionReason(entry.category, context) });
  }
  for (const key of lineNets.keys()) {
    if (!seen.has(key)) {
      throw new UblError(
        "breakdown_mismatch",
        `lines of VAT group ${key} have no breakdown`,
        "BR-CO-18",
      );
    }
  }
  return subtotals;
}

/** The rule family letter of a category: BR-S-*, BR-AE-*, BR-IC-* (K), … */
function ruleLetter(category: VatCategory): string {
  return category === "K" ? "IC" : category;
}
