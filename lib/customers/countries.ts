/**
 * Countries offered for a customer's addresses: the EU (where intra-community rules
 * apply) and the non-EU neighbours a Belgian shop ships to most. ISO 3166-1 alpha-2;
 * names come from `Intl.DisplayNames` in the reader's language.
 */
export const customerCountries = [
  "BE",
  "NL",
  "FR",
  "LU",
  "DE",
  "AT",
  "BG",
  "CY",
  "CZ",
  "DK",
  "EE",
  "ES",
  "FI",
  "GR",
  "HR",
  "HU",
  "IE",
  "IT",
  "LT",
  "LV",
  "MT",
  "PL",
  "PT",
  "RO",
  "SE",
  "SI",
  "SK",
  "CH",
  "GB",
  "NO",
  "US",
] as const;
