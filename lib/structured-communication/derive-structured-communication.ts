import { createStructuredCommunication } from "./create-structured-communication";

/**
 * Which series (0-9) of the organisation issues the document. Each series that issues
 * payable documents gets its own digit, unique within the organisation, chosen when the
 * series is created and never changed (it is part of every reference already issued).
 */
export type SeriesSlot = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface DocumentReferenceInput {
  seriesSlot: SeriesSlot;
  /** Calendar year of the document's date in Brussels time, the year its number uses. */
  year: number;
  /** The document's sequence number in its series (1, 2, …). */
  sequence: number;
}

export type DeriveProblem = "series_slot" | "year" | "sequence";

export const MAX_SEQUENCE = 9_999_999;

/**
 * The 10-digit base: series digit + 2-digit year + 7-digit sequence (`S YY NNNNNNN`),
 * the scheme of docs/belgian-invoicing.md §1.2 for several series. Its plain
 * "year + 6-digit sequence" scheme is only unique within one series, and an
 * organisation may run several (web shop, manual invoices, a second shop).
 *
 * Injective per organisation as long as slots are unique per organisation, years stay
 * within 2000-2099 and sequences within 7 digits; anything outside is refused rather
 * than truncated, because two open invoices sharing a reference cannot be reconciled.
 */
export function deriveCommunicationBase(
  input: DocumentReferenceInput,
): { ok: true; base: string } | { ok: false; problem: DeriveProblem } {
  const { seriesSlot, year, sequence } = input;
  if (!Number.isInteger(seriesSlot) || seriesSlot < 0 || seriesSlot > 9) {
    return { ok: false, problem: "series_slot" };
  }
  if (!Number.isInteger(year) || year < 2000 || year > 2099) return { ok: false, problem: "year" };
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    return { ok: false, problem: "sequence" };
  }
  const yy = String(year % 100).padStart(2, "0");
  return { ok: true, base: `${seriesSlot}${yy}${String(sequence).padStart(7, "0")}` };
}

/** The 12 digits to store on the document, derived as `deriveCommunicationBase` says. */
export function deriveStructuredCommunication(
  input: DocumentReferenceInput,
): { ok: true; digits: string } | { ok: false; problem: DeriveProblem } {
  const result = deriveCommunicationBase(input);
  return result.ok ? { ok: true, digits: createStructuredCommunication(result.base) } : result;
}
