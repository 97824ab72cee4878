/** Storecove's scheme names back to ISO 6523 codes (the subset Facturo routes to). */
const codes: Readonly<Record<string, string>> = {
  "BE:EN": "0208",
  "BE:VAT": "9925",
  GLN: "0088",
  "NL:KVK": "0106",
  "NL:VAT": "9944",
  "DE:VAT": "9930",
  "FR:VAT": "9957",
  "DK:CVR": "0184",
  "SE:ORGNR": "0007",
  "NO:ORG": "0192",
};

/** `BE:EN` + `0403170701` → `0208:0403170701`; null for a scheme the stand-in does not know. */
export function participantOf(scheme: string, identifier: string): string | null {
  const code = codes[scheme.toUpperCase()];
  return code ? `${code}:${identifier}` : null;
}
