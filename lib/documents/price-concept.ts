import {
  computeDocumentTotals,
  type DocumentTotals,
  type FixedVatAmount,
  type VatCategory,
} from "@/lib/vat";

/** The line fields totals depend on, as stored. */
export interface PricedLineInput {
  quantity: string;
  unitPriceCents: number;
  priceMode: "excl" | "incl";
  discountBp: number;
  discountCents?: number | null;
  vatCategory: string;
  vatRateBp: number;
  /** Absent = Belgium. */
  vatCountry?: string;
}

/** Totals of a document's lines, with the source's fixed VAT amounts when it has them. */
export function priceConcept(
  lines: readonly PricedLineInput[],
  options: { currency: string; fixedVat?: readonly FixedVatAmount[] | null },
): DocumentTotals {
  return computeDocumentTotals(
    lines.map((line) => ({
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      priceMode: line.priceMode,
      discountBp: line.discountBp,
      discountCents: line.discountCents ?? null,
      vatCategory: line.vatCategory as VatCategory,
      vatRateBp: line.vatRateBp,
      ...(line.vatCountry !== undefined ? { vatCountry: line.vatCountry } : {}),
    })),
    { currency: options.currency, ...(options.fixedVat ? { fixedVat: options.fixedVat } : {}) },
  );
}
