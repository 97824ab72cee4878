import type { SeriesSlot } from "@/lib/structured-communication/derive-structured-communication";
import type { DocumentType } from "./document-lifecycle";

/**
 * The series an organisation starts with. Each type has its own gap-free series;
 * the prefixes keep numbers of different types apart on paper and in bank transfers.
 * The slot is the type's digit in the structured communications it derives.
 */
export const defaultSeries: Record<DocumentType, { pattern: string; ogmSlot: SeriesSlot }> = {
  invoice: { pattern: "{YYYY}-{NNNN}", ogmSlot: 0 },
  credit_note: { pattern: "CN{YYYY}-{NNNN}", ogmSlot: 1 },
  order_form: { pattern: "OF{YYYY}-{NNNN}", ogmSlot: 2 },
  delivery_note: { pattern: "DN{YYYY}-{NNNN}", ogmSlot: 3 },
};
