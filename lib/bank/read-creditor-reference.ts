import { parseStructuredCommunication } from "@/lib/structured-communication/parse-structured-communication";

export interface CreditorReference {
  /** As carried by the file, trimmed. */
  creditorReference: string;
  /** The 12 digits when the reference is a valid Belgian OGM. */
  structuredCommunication?: string;
  /** The file says (or the shape shows) it is an OGM, but its check digits are wrong. */
  invalidOgm: boolean;
}

/**
 * Classifies a structured creditor reference. `markedAsOgm` is the file saying so (CODA
 * communication type 101/102, camt.053 issuer `BBA`); without it a reference is still an
 * OGM when it parses as one, because not every bank fills the issuer. A bad check digit
 * never yields `structuredCommunication`: import keeps the raw value and warns, matching
 * falls back to text rules (docs/belgian-invoicing.md §5.1).
 */
export function readCreditorReference(raw: string, markedAsOgm: boolean): CreditorReference {
  const creditorReference = raw.trim();
  const parsed = parseStructuredCommunication(creditorReference);
  if (parsed.ok)
    return { creditorReference, structuredCommunication: parsed.digits, invalidOgm: false };
  const invalidOgm = markedAsOgm || parsed.problem === "check_digits";
  return { creditorReference, invalidOgm };
}
