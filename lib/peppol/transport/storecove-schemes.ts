import type { PeppolParticipant } from "./participant";

/**
 * Storecove names identifier schemes by country and kind ("BE:EN"), not by their
 * ISO 6523 code ("0208"), in discovery, routing and legal-entity identifiers (its
 * documentation's "Peppol participant identifier list"). Only the schemes Facturo
 * writes as endpoint ids are mapped; 99xx codes are the EU VAT-number schemes.
 */
const named: Readonly<Record<string, string>> = {
  "0208": "BE:EN", // Belgian enterprise number (the Belgian mandate's scheme)
  "9925": "BE:VAT",
  "0088": "GLN",
  "0106": "NL:KVK",
  "0184": "DK:CVR",
  "0007": "SE:ORGNR",
  "0192": "NO:ORG",
};

/** Storecove's scheme for a participant, or null when Storecove has no name for it here. */
export function storecoveScheme(participant: PeppolParticipant): string | null {
  const known = named[participant.scheme];
  if (known) return known;
  const country = /^[A-Z]{2}/.exec(participant.id.toUpperCase())?.[0];
  return /^99\d\d$/.test(participant.scheme) && country ? `${country}:VAT` : null;
}
