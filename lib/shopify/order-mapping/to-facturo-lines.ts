import type { z } from "zod";
import type { conceptLineSchema } from "@/lib/documents/concept-schema";
import { basisPointsToPercent, centsToDecimalString } from "@/lib/money";
import type { DocumentLineInput } from "@/lib/vat";
import type { DocumentLanguage } from "./document-language";
import { exactDiscountBasisPoints } from "./exact-discount";
import { DESCRIPTION_MAX, truncateText } from "./line-text";
import type { MappedLine } from "./mapped-types";

/** A line as Facturo stores and prices it (db document_line, lib/vat DocumentLineInput). */
export interface FacturoLine extends DocumentLineInput {
  readonly description: string;
  readonly sku: string | null;
  readonly discountBp: number;
}

/** What the concept form/API accepts for a line (lib/documents/concept-schema.ts). */
export type ConceptLineInput = z.input<typeof conceptLineSchema>;

const DISCOUNT_LABEL: Record<DocumentLanguage, string> = {
  fr: "Remise",
  nl: "Korting",
  en: "Discount",
  de: "Rabatt",
};

/**
 * Mapped lines → Facturo lines whose prices reproduce Shopify's amounts to the cent.
 * A discount becomes the line's percentage when some basis-point value gives exactly
 * Shopify's cents; otherwise the line keeps its full price and a discount line with
 * quantity −1 follows it, in the same VAT group (so per-rate totals are unchanged).
 */
export function toFacturoLines(
  lines: readonly MappedLine[],
  language: DocumentLanguage | null,
): FacturoLine[] {
  return lines.flatMap((line): FacturoLine[] => {
    const base = {
      description: line.description,
      sku: line.sku,
      quantity: String(line.quantity),
      unitPriceCents: line.unitPriceCents,
      priceMode: line.priceMode,
      vatCategory: line.vatCategory,
      vatRateBp: line.vatRateBp,
      vatCountry: line.vatCountry,
    };
    const beforeDiscount = line.quantity * line.unitPriceCents;
    const bp = exactDiscountBasisPoints(beforeDiscount, line.discountCents);
    if (bp !== null) return [{ ...base, discountBp: bp }];
    const label = DISCOUNT_LABEL[language ?? "en"];
    return [
      { ...base, discountBp: 0 },
      {
        ...base,
        description: truncateText(`${label}: ${line.description}`, DESCRIPTION_MAX),
        sku: null,
        quantity: "-1",
        unitPriceCents: line.discountCents,
        discountBp: 0,
      },
    ];
  });
}

/** "9.46" for 946 bp, "10" for 1000, "100" for 10 000, "" for none: the concept schema's format. */
export function discountPercentText(bp: number): string {
  return bp === 0 ? "" : basisPointsToPercent(bp);
}

/** Facturo lines in the concept schema's input shape (decimal strings), ready for `conceptSchema.parse`. */
export function toConceptLineInputs(lines: readonly FacturoLine[]): ConceptLineInput[] {
  return lines.map((line) => ({
    description: line.description,
    sku: line.sku ?? "",
    quantity: line.quantity,
    unitPrice: centsToDecimalString(line.unitPriceCents),
    priceMode: line.priceMode,
    discountPercent: discountPercentText(line.discountBp ?? 0),
    vatCategory: line.vatCategory,
    vatRateBp: line.vatRateBp,
    vatCountry: line.vatCountry ?? "BE",
  }));
}
