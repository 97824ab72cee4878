import { applyPercentDiscount } from "@/lib/money/apply-percent-discount";
import { MoneyError } from "@/lib/money/money-error";
import { multiplyCents } from "@/lib/money/multiply-cents";
import { parseQuantity } from "@/lib/money/parse-quantity";
import { assertBasisPoints } from "@/lib/money/percent-of-cents";
import type { DocumentLineInput } from "./document-totals-types";
import { assertVatTreatment } from "./vat-category";
import { VatError } from "./vat-error";

export interface PricedLine {
  readonly quantityThousandths: number;
  readonly amountCents: number;
  readonly discountCents: number;
  /** Amount after discount, in the line's price mode (net for excl, gross for incl). */
  readonly totalCents: number;
}

/** A fixed discount on the line's amount; a return line (negative amount) is discounted in kind. */
function applyAmountDiscount(amountCents: number, discountCents: number, lineIndex: number) {
  if (!Number.isSafeInteger(discountCents) || discountCents < 0) {
    throw new VatError("invalid_line", "a discount amount must be whole cents ≥ 0", lineIndex);
  }
  if (discountCents > Math.abs(amountCents)) {
    throw new VatError("invalid_line", "the discount is more than the line's amount", lineIndex);
  }
  const signed = amountCents < 0 ? -discountCents : discountCents;
  return { discountCents: signed, netCents: amountCents - signed };
}

/**
 * Validates one line and prices it in its own mode: quantity × unit price rounded
 * once, then the rounded discount subtracted (see applyPercentDiscount).
 * Money errors are re-thrown as VatError so the caller learns which line failed.
 */
export function priceDocumentLine(line: DocumentLineInput, lineIndex: number): PricedLine {
  assertVatTreatment(
    {
      category: line.vatCategory,
      rateBp: line.vatRateBp,
      ...(line.vatCountry !== undefined ? { country: line.vatCountry } : {}),
    },
    lineIndex,
  );
  if (line.priceMode !== "excl" && line.priceMode !== "incl") {
    throw new VatError("invalid_line", `unknown price mode "${String(line.priceMode)}"`, lineIndex);
  }
  if (!Number.isSafeInteger(line.unitPriceCents) || line.unitPriceCents < 0) {
    // Returns and discount lines carry a negative quantity instead (BR-27).
    throw new VatError("invalid_line", "unit price must be whole cents ≥ 0", lineIndex);
  }
  try {
    const quantity = parseQuantity(line.quantity);
    const amountCents = multiplyCents(line.unitPriceCents, quantity);
    const discount =
      line.discountCents != null
        ? applyAmountDiscount(amountCents, line.discountCents, lineIndex)
        : applyPercentDiscount(amountCents, assertBasisPoints(line.discountBp ?? 0));
    return {
      quantityThousandths: quantity.thousandths,
      amountCents,
      discountCents: discount.discountCents,
      totalCents: discount.netCents,
    };
  } catch (error) {
    if (error instanceof MoneyError) throw new VatError("invalid_line", error.message, lineIndex);
    throw error;
  }
}
