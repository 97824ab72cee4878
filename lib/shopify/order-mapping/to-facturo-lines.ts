import type { z } from "zod";
import type { conceptLineSchema } from "@/lib/documents/concept-schema";
import { basisPointsToPercent, centsToDecimalString } from "@/lib/money";
import type { DocumentLineInput } from "@/lib/vat";
import type { DocumentLanguage } from "./document-language";
import { DESCRIPTION_MAX, truncateText } from "./line-text";
import type { MappedLine } from "./mapped-types";

/** A line as Facturo stores and prices it (db document_line, lib/vat DocumentLineInput). */
export interface FacturoLine extends DocumentLineInput {
  readonly description: string;
  readonly sku: string | null;
  readonly discountBp: number;
  readonly discountCents: number | null;
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
 * Mapped lines → Facturo lines whose prices reproduce Shopify's amounts to the cent. A
 * discount is kept as Shopify's amount (printed as an amount, art. 5 §1, 6° KB nr. 1),
 * with its percentage only when Shopify says it was one: a fixed 5.00 code shared over
 * the cart is "−2,79", never a made-up "9,46 %". Should a discount exceed its line
 * (Shopify never does), the line keeps its full price and a discount line with quantity
 * −1 follows it, in the same VAT group (so per-rate totals are unchanged).
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
      discountBp: 0,
      discountCents: null,
    };
    if (line.discountCents === 0) return [base];
    const beforeDiscount = line.quantity * line.unitPriceCents;
    if (beforeDiscount > 0 && line.discountCents > 0 && line.discountCents <= beforeDiscount) {
      return [
        {
          ...base,
          discountBp: line.discountPercentBp ?? 0,
          discountCents: line.discountCents,
        },
      ];
    }
    const label = DISCOUNT_LABEL[language ?? "en"];
    return [
      base,
      {
        ...base,
        description: truncateText(`${label}: ${line.description}`, DESCRIPTION_MAX),
        sku: null,
        quantity: "-1",
        unitPriceCents: line.discountCents,
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
    discountAmount: line.discountCents == null ? "" : centsToDecimalString(line.discountCents),
    vatCategory: line.vatCategory,
    vatRateBp: line.vatRateBp,
    vatCountry: line.vatCountry ?? "BE",
  }));
}
