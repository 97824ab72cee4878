import { computeCheckDigits } from "./compute-check-digits";

export type StructuredCommunicationProblem =
  /** Nothing but blanks or delimiters. */
  | "empty"
  /** Something other than digits, blanks, slashes and the `+++`/`***` delimiters. */
  | "characters"
  /** Not exactly 12 digits. */
  | "length"
  /** 12 digits whose last two are not the check digits of the first ten. */
  | "check_digits";

export type ParsedStructuredCommunication =
  { ok: true; digits: string } | { ok: false; problem: StructuredCommunicationProblem };

// Up to three `+` or `*` on either side: customers type `++` or mix the two forms,
// and rejecting a payment reference over its decoration only creates manual work.
const DELIMITERS = /^(?:\+{1,3}|\*{1,3})|(?:\+{1,3}|\*{1,3})$/g;

/**
 * Reads a structured communication as people type it and as bank files carry it:
 * `+++202/6000/00192+++`, `***202/6000/00192***`, `202 6000 00192`, `202600000192`.
 * Answers the normalised 12 digits, or why the text is not a valid one.
 */
export function parseStructuredCommunication(input: string): ParsedStructuredCommunication {
  const inner = input.trim().replace(DELIMITERS, "");
  if (/[^\d\s/]/.test(inner)) return { ok: false, problem: "characters" };
  const digits = inner.replace(/[\s/]/g, "");
  if (digits === "") return { ok: false, problem: "empty" };
  if (digits.length !== 12) return { ok: false, problem: "length" };
  if (digits.slice(10) !== computeCheckDigits(digits.slice(0, 10))) {
    return { ok: false, problem: "check_digits" };
  }
  return { ok: true, digits };
}
