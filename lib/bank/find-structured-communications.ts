import { parseStructuredCommunication } from "@/lib/structured-communication/parse-structured-communication";

/**
 * 3 + 4 + 5 digits, alone or separated by slashes, blanks, dots or dashes, not inside a
 * longer run of digits (an IBAN, an order number). `+++`/`***` around them are simply
 * not part of the match.
 */
const CANDIDATE = /(?<!\d)(\d{3})[\s/.-]*(\d{4})[\s/.-]*(\d{5})(?!\d)/g;

/**
 * Belgian structured communications typed into free text ("+++202/6000/00192+++",
 * "202600000192", "202 6000 00192"): payers often put the OGM in the free message. Only
 * candidates whose check digits are valid are returned, so a random 12-digit number is
 * very unlikely to pass (1 in 97) and never one with a typo in it.
 */
export function findStructuredCommunications(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(CANDIDATE)) {
    const parsed = parseStructuredCommunication(`${match[1]}${match[2]}${match[3]}`);
    if (parsed.ok) found.add(parsed.digits);
  }
  return [...found];
}
