import type { Concept, ConceptLine } from "@/lib/documents/concept-schema";
import type { DocumentType } from "@/lib/documents/document-lifecycle";

/** A concept line as the form's schema outputs it. */
export function line(overrides: Partial<ConceptLine> = {}): ConceptLine {
  return {
    description: "Mug",
    sku: null,
    quantity: "1",
    unitPrice: "10.00",
    unitPriceCents: 1000,
    priceMode: "excl",
    discountPercent: 0,
    discountBp: 0,
    discountAmount: "",
    discountCents: null,
    vatCategory: "S",
    vatRateBp: 2100,
    vatCountry: "BE",
    ...overrides,
  };
}

export function concept(overrides: Partial<Concept> = {}, type: DocumentType = "invoice"): Concept {
  return {
    type,
    customerId: null,
    language: "fr",
    issueDate: "2026-11-28",
    dueDate: null,
    supplyDate: null,
    legend: "",
    lines: [line()],
    ...overrides,
  };
}
