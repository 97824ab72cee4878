import { vatCountryOf, type VatCategory } from "@/lib/vat";
import type { MappedCreditNote, MappedOrderDocument } from "./mapped-types";
import { computeMappedTotals } from "./order-totals";

/** A VAT group whose Shopify tax is further from the per-rate figure than rounding explains. */
export interface VatDifference {
  /** The member state of the group's VAT (BE, or an OSS destination). */
  readonly country: string;
  readonly category: VatCategory;
  readonly rateBp: number;
  /** Σ Shopify's per-line tax of the group. */
  readonly shopifyCents: number;
  /** round(taxable × rate) on the group's total: what EN 16931 and art. 5 KB nr. 1 compute. */
  readonly perRateCents: number;
  /** Shopify lines in the group: each may round by at most one cent. */
  readonly lines: number;
}

/**
 * THE ONE-CENT-PER-LINE RULE. Shopify rounds the tax of every line; the law computes VAT
 * once per rate. Each line's rounding moves the sum by less than a cent, so a group of n
 * lines may differ from the per-rate figure by at most n cents. Groups are per member
 * state, category and rate: Dutch 21 % and Belgian 21 % are checked each on their own. Anything more is not
 * rounding (a tax typed by hand, an app that rewrote it, a wrong rate: docs sample #1001
 * taxes 587.00 at 6 % with 11.94): the document is never sent on its own and the merchant
 * is told which rate and by how much. Pure.
 */
export function vatDifferences(
  document: Pick<
    MappedOrderDocument | MappedCreditNote,
    "currency" | "lines" | "fixedVat" | "language"
  >,
): VatDifference[] {
  const totals = computeMappedTotals(document);
  return totals.vatBreakdown.flatMap((group): VatDifference[] => {
    if (group.vatSource !== "fixed") return [];
    const country = vatCountryOf(group);
    const lines = document.lines.filter(
      (line) =>
        line.vatCountry === country &&
        line.vatCategory === group.category &&
        line.vatRateBp === group.rateBp,
    ).length;
    if (Math.abs(group.vatDifferenceCents) <= lines) return [];
    return [
      {
        country,
        category: group.category,
        rateBp: group.rateBp,
        shopifyCents: group.vatCents,
        perRateCents: group.computedVatCents,
        lines,
      },
    ];
  });
}
