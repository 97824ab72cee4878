import { BASIS_POINTS, divideRoundHalfAway } from "@/lib/money";
import type { DocumentLineInput } from "./document-totals-types";
import { priceDocumentLine } from "./price-document-line";

/** A stored line seen excluding VAT, as art. 5 §1, 6° KB nr. 1 asks the invoice to show it. */
export interface LineNetPrice {
  /** The unit price excluding VAT, in cents (rounded once for a VAT-inclusive price). */
  readonly unitNetCents: number;
  /** The unit price as entered, VAT included, for a VAT-inclusive line; else null. */
  readonly unitGrossCents: number | null;
  /** The line's discount excluding VAT (0 when none), with the sign of the line. */
  readonly discountNetCents: number;
}

/** round(gross / (1 + rate)), half away from zero, in integers. */
export function netOfVat(grossCents: number, rateBp: number): number {
  const scale = BigInt(BASIS_POINTS);
  return Number(divideRoundHalfAway(BigInt(grossCents) * scale, scale + BigInt(rateBp)));
}

/**
 * The unit price and discount of a line excluding VAT. An excl line shows what was
 * entered. An incl line converts its unit price once, and its discount is the net amount
 * before discount minus the stored net (so the printed discount and net agree with the
 * stored amounts to the cent, as the UBL's allowance does: lib/peppol/line-price.ts).
 */
export function lineNetPrice(
  line: DocumentLineInput & { readonly netCents: number },
  lineIndex = 0,
): LineNetPrice {
  const priced = priceDocumentLine(line, lineIndex);
  if (line.priceMode === "excl") {
    return {
      unitNetCents: line.unitPriceCents,
      unitGrossCents: null,
      discountNetCents: priced.discountCents,
    };
  }
  const beforeDiscount =
    priced.discountCents === 0 ? line.netCents : netOfVat(priced.amountCents, line.vatRateBp);
  let discountNetCents = beforeDiscount - line.netCents;
  // A one-cent rounding against the direction of the discount is no discount.
  if (discountNetCents !== 0 && Math.sign(discountNetCents) !== Math.sign(priced.discountCents)) {
    discountNetCents = 0;
  }
  return {
    unitNetCents: netOfVat(line.unitPriceCents, line.vatRateBp),
    unitGrossCents: line.unitPriceCents,
    discountNetCents,
  };
}
