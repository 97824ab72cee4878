import type { PeppolEndpoint } from "./ubl-input";

/**
 * VAT number → the Peppol electronic address scheme (EAS code list, Peppol subset checked
 * by PEPPOL-EN16931-CL008) under which companies of that country usually register.
 * Most member states have a "<country> VAT number" scheme (99xx) whose value is the VAT
 * number with its prefix, like Belgium's 9925 `BE0123456749`. Four do not, and use the
 * registry number the VAT number is built from instead:
 *
 * - DK: 0184 (CVR), value `DK` + 8 digits, the VAT number itself (PEPPOL-COMMON-R042);
 * - SE: 0007 (organisationsnummer), the 10 digits inside `SE` + 10 + `01`, whose last
 *   digit is a Luhn check (PEPPOL-COMMON-R049 fatal: no endpoint if it fails);
 * - FI: 0216 (OVT code), `0037` + the 8-digit business ID of `FI` + 8 digits;
 * - IT: 0211 (partita IVA), value `IT` + 11 digits (PEPPOL-COMMON-R047).
 *
 * A derived endpoint is the most likely registration, not a proven one: a company may be
 * registered under another scheme (NL companies often under 0106 KvK). The Peppol
 * Directory/SMP is the authority; `UblBuyer.endpoint` carries a looked-up value.
 * Belgian numbers never come here: they get 0208 (see `party-endpoint.ts`).
 */
const VAT_SCHEMES: Readonly<Record<string, string>> = {
  AT: "9914",
  BE: "9925",
  BG: "9926",
  CY: "9928",
  CZ: "9929",
  DE: "9930",
  EE: "9931",
  EL: "9933",
  ES: "9920",
  FR: "9957",
  HR: "9934",
  HU: "9910",
  IE: "9935",
  LT: "9937",
  LU: "9938",
  LV: "9939",
  MT: "9943",
  NL: "9944",
  PL: "9945",
  PT: "9946",
  RO: "9947",
  SI: "9949",
  SK: "9950",
};

export function endpointFromVatNumber(vatNumber: string): PeppolEndpoint | null {
  const vat = vatNumber.replace(/[\s.\-/]/g, "").toUpperCase();
  const prefix = vat.slice(0, 2);
  const body = vat.slice(2);
  switch (prefix) {
    case "DK":
      return /^\d{8}$/.test(body) ? { scheme: "0184", id: vat } : null;
    case "SE": {
      const orgNumber = body.slice(0, 10);
      return /^\d{10}01$/.test(body) && luhn(orgNumber) ? { scheme: "0007", id: orgNumber } : null;
    }
    case "FI":
      return /^\d{8}$/.test(body) ? { scheme: "0216", id: `0037${body}` } : null;
    case "IT":
      return /^\d{11}$/.test(body) ? { scheme: "0211", id: vat } : null;
  }
  const scheme = VAT_SCHEMES[prefix];
  return scheme && /^[0-9A-Z+*]{2,13}$/.test(body) ? { scheme, id: vat } : null;
}

/** Luhn (mod 10) over all digits, as Sweden's organisation numbers use it. */
function luhn(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((char, index) => {
    const digit = Number(char) * (index % 2 === 1 ? 2 : 1);
    sum += digit > 9 ? digit - 9 : digit;
  });
  return sum % 10 === 0;
}
