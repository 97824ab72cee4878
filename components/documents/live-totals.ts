import { conceptLineSchema, type ConceptInput } from "@/lib/documents/concept-schema";
import { priceConcept } from "@/lib/documents/price-concept";
import type { DocumentTotals } from "@/lib/vat";

export interface LiveTotals {
  totals: DocumentTotals;
  /** Lines left out because their quantity, price, discount or VAT is not valid yet. */
  skippedLines: number[];
}

/**
 * Totals while the merchant types, with the server's own schema and pricing, so the
 * preview shows exactly what saving will store. A line still being typed is left out
 * (and named) instead of breaking the preview; a missing description does not matter here.
 */
export function computeLiveTotals(
  lines: readonly Partial<ConceptInput["lines"][number]>[],
  currency = "EUR",
): LiveTotals {
  const skippedLines: number[] = [];
  const valid = lines.flatMap((line, index) => {
    const parsed = conceptLineSchema.safeParse({ ...line, description: "–" });
    if (!parsed.success) {
      skippedLines.push(index);
      return [];
    }
    return [parsed.data];
  });
  try {
    return { totals: priceConcept(valid, { currency }), skippedLines };
  } catch {
    // Amounts beyond what can be priced exactly: show nothing rather than a wrong total.
    return { totals: priceConcept([], { currency }), skippedLines: lines.map((_, i) => i) };
  }
}
