/**
 * A Belgian invoice in another currency states its VAT total in euro too (art. 230 VAT
 * Directive; art. 5 §1, 7° KB nr. 1). Facturo takes that figure from its source (Shopify's
 * shop money, converted by Shopify for a shop that keeps its books in EUR) and never makes
 * one up: these rules say when a stored figure still holds.
 */

/** What a document in `currency` with `vatCents` of VAT states in euro when nothing else is known. */
export function vatInEuroWithoutSource(currency: string, vatCents: number): number | null {
  if (currency === "EUR") return null;
  return vatCents === 0 ? 0 : null;
}

/**
 * After the merchant edits a concept: the source's euro figure still holds only when the
 * VAT did not change; otherwise it is unknown (null) and the document says so before it
 * can be issued.
 */
export function vatInEuroAfterEdit(
  before: {
    readonly currency: string;
    readonly totalVatCents: number;
    readonly vatTotalEurCents: number | null;
  },
  vatCents: number,
): number | null {
  if (before.currency === "EUR") return null;
  if (vatCents === before.totalVatCents) return before.vatTotalEurCents;
  return vatInEuroWithoutSource(before.currency, vatCents);
}

/** A non-EUR document with VAT whose euro VAT total is unknown may not be issued. */
export function needsVatInEuro(document: {
  readonly currency: string;
  readonly totalVatCents: number;
  readonly vatTotalEurCents: number | null;
}): boolean {
  return (
    document.currency !== "EUR" &&
    document.totalVatCents !== 0 &&
    document.vatTotalEurCents === null
  );
}
