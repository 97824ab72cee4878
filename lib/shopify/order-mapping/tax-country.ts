import { EU_MEMBER_STATES, HOME_VAT_COUNTRY, isVatRateOn, memberStateOf } from "@/lib/vat";
import type { MappedTaxLine } from "./mapped-types";

/** Whose tax a Shopify tax line is: a member state's VAT, or a tax of a country outside the EU. */
export type TaxOwner =
  { readonly kind: "vat"; readonly country: string } | { readonly kind: "foreign" };

export interface TaxOwnerContext {
  /** Where the goods go (shipping address, else billing), ISO alpha-2; null when unknown. */
  readonly destinationCountry: string | null;
  /** The day the rate must be in force (the order's date), YYYY-MM-DD; null when unknown. */
  readonly date: string | null;
}

/** "NL BTW", "FR TVA 20%", "EL ΦΠΑ": Shopify names EU VAT after the member state that charges it. */
function titleMemberState(title: string | null): string | null {
  const first = /^\s*([A-Za-z]{2})\b/.exec(title ?? "")?.[1];
  return first && first === first.toUpperCase() ? memberStateOf(first) : null;
}

/**
 * The member state whose VAT a Shopify tax line is, or "foreign" for a tax that is not
 * EU VAT at all. First rule that applies:
 *
 * 1. Goods going outside the EU: whatever Shopify charged there (US sales tax, Canadian
 *    HST, Australian GST, Swiss MWST) is that country's tax, not VAT; the goods are a
 *    Belgian export (docs/belgian-invoicing.md §2.7, §9).
 * 2. The title starts with a member state's code ("NL BTW"): Shopify's OSS tax lines say
 *    which state they belong to.
 * 3. A rate of Belgium on that day: Belgian VAT (a shop below the OSS threshold charges its
 *    own VAT to every EU consumer, often titled just "BTW" or "VAT").
 * 4. A rate of the EU destination on that day: that state's VAT.
 * 5. Otherwise Belgian (the merchant's own VAT); `unknownVatRate` says the rate is not one
 *    Facturo knows for that state, so the document is checked before it is sent.
 */
export function taxOwner(
  tax: Pick<MappedTaxLine, "title" | "rateBp">,
  context: TaxOwnerContext,
): TaxOwner {
  const destination = context.destinationCountry;
  if (destination !== null && !EU_MEMBER_STATES.has(destination)) return { kind: "foreign" };
  const named = titleMemberState(tax.title);
  if (named) return { kind: "vat", country: named };
  if (context.date !== null) {
    if (isVatRateOn(HOME_VAT_COUNTRY, tax.rateBp, context.date)) {
      return { kind: "vat", country: HOME_VAT_COUNTRY };
    }
    if (destination !== null && isVatRateOn(destination, tax.rateBp, context.date)) {
      return { kind: "vat", country: destination };
    }
  }
  return { kind: "vat", country: HOME_VAT_COUNTRY };
}

/** True when `rateBp` is not a rate Facturo knows for `country` on `date` (unknown states pass). */
export function unknownVatRate(country: string, rateBp: number, date: string | null): boolean {
  if (date === null) return false;
  return isVatRateOn(country, rateBp, date) === false;
}
