import { conceptLineSchema, type ConceptLine } from "@/lib/documents/concept-schema";
import type { DocumentLanguage } from "@/db/schema/organisations";
import { toConceptLineInputs, toFacturoLines, type MappedLine } from "../order-mapping";

/**
 * Mapped Shopify lines as concept lines, with, per concept line, the Shopify line
 * it came from (a line with an inexact discount becomes two: the line and its
 * discount), so stock effects can follow the right line.
 */
export function toConceptLines(
  lines: readonly MappedLine[],
  language: DocumentLanguage,
): { lines: ConceptLine[]; origins: MappedLine[] } {
  const result: { lines: ConceptLine[]; origins: MappedLine[] } = { lines: [], origins: [] };
  for (const mapped of lines) {
    for (const input of toConceptLineInputs(toFacturoLines([mapped], language))) {
      result.lines.push(conceptLineSchema.parse(input));
      result.origins.push(mapped);
    }
  }
  return result;
}
