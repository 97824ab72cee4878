/**
 * EU member states (ISO 3166-1 alpha-2; Greece is GR here, EL only in VAT numbers).
 * Each VAT amount on a document belongs to one of them: Belgium's own VAT, or, for a
 * distance sale under the One-Stop Shop, the VAT of the state where the goods arrive.
 */
export const EU_MEMBER_STATES: ReadonlySet<string> = new Set(
  "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "),
);

/** Facturo's merchants are Belgian: their own VAT is Belgium's. */
export const HOME_VAT_COUNTRY = "BE";

/** "EL" (Greece's VAT prefix) → "GR"; anything else as given, upper-cased. */
export function memberStateOf(code: string): string | null {
  const upper = code.toUpperCase();
  const country = upper === "EL" ? "GR" : upper;
  return EU_MEMBER_STATES.has(country) ? country : null;
}

/** The member state of a stored VAT amount: absent on amounts stored before it was kept (Belgian). */
export function vatCountryOf(entry: { readonly country?: string | null }): string {
  return entry.country ?? HOME_VAT_COUNTRY;
}
