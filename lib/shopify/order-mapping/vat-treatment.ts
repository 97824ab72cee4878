import { EU_MEMBER_STATES, type VatCategory } from "@/lib/vat";

/**
 * EU member states (ISO 3166-1; Greece is GR here, EL only in VAT numbers). Goods
 * leaving for anywhere else are an export.
 */
export const EU_COUNTRIES: ReadonlySet<string> = EU_MEMBER_STATES;

/** What a line is, as far as VAT is concerned. */
export type LineNature = "goods" | "service" | "shipping" | "tip" | "gift_card";

/** Categories a merchant may choose for untaxed lines no other rule explains. */
export type UntaxedCategory = "E" | "Z" | "O";

export type VatReason =
  | "shopify_tax"
  | "tip"
  | "gift_card"
  | "intra_eu_goods"
  | "intra_eu_services"
  | "export"
  | "zero_amount"
  | "untaxed";

export interface VatTreatmentContext {
  readonly sellerCountry: "BE";
  /** Country of the buyer's valid VAT number (from the VAT number prefix), if any. */
  readonly buyerVatCountry: string | null;
  /** Where the goods go: shipping address, else billing address. */
  readonly destinationCountry: string | null;
  readonly untaxedCategory: UntaxedCategory;
  /** The order's day (YYYY-MM-DD): which member state's rates were in force; null when unknown. */
  readonly taxDate?: string | null;
}

export interface LineTaxFacts {
  readonly nature: LineNature;
  /** Σ of the line's Shopify tax rates (state 6 % + county 2.5 % → 850). */
  readonly taxRateBp: number;
  /** The line's amount after discounts. */
  readonly amountCents: number;
  /** The member state whose VAT Shopify charged (see tax-country.ts); null without VAT. */
  readonly taxCountry?: string | null;
}

export interface VatTreatment {
  readonly category: VatCategory;
  readonly rateBp: number;
  readonly reason: VatReason;
  /** The member state whose VAT this is; absent = Belgium. */
  readonly country?: string;
}

/**
 * The Facturo VAT category of one Shopify line. First rule that applies:
 *
 * 1. Shopify charged VAT (a positive rate): S at that rate, of the member state the tax
 *    line names — an OSS sale to a Dutch consumer is S 21 % NL (Dutch VAT), the amounts
 *    are Shopify's.
 * 2. Tip: O. A voluntary tip is not the consideration for a supply (CJEU C-16/93
 *    Tolsma), so it is outside the scope of VAT.
 * 3. Gift card sold: O. A multi-purpose voucher is not a supply when sold; VAT is due
 *    when it is redeemed (Directive 2006/112 art. 30b), on that later order.
 * 4. The buyer gave a valid VAT number of another member state: goods (and their
 *    shipping) sent to another member state are an exempt intra-Community supply, K
 *    (art. 39bis WBTW, art. 138 Directive) — not AE, which is for services; services
 *    to that business are reverse-charged, AE (art. 196 Directive: "Autoliquidation").
 * 5. Goods (and their shipping) going outside the EU: export, G (art. 39 WBTW).
 * 6. A 0.00 line without tax (free shipping, pickup): Z at 0 %, so the invoice shows
 *    "0 %" without an exemption mention that would not be true.
 * 7. Anything else untaxed: the merchant's choice (default E, exempt under art. 44 or
 *    the small-enterprise scheme — Shopify cannot tell which, the VAT mention can).
 */
export function chooseVatTreatment(
  facts: LineTaxFacts,
  context: VatTreatmentContext,
): VatTreatment {
  if (facts.taxRateBp > 0) {
    return {
      category: "S",
      rateBp: facts.taxRateBp,
      reason: "shopify_tax",
      ...(facts.taxCountry ? { country: facts.taxCountry } : {}),
    };
  }
  if (facts.nature === "tip") return { category: "O", rateBp: 0, reason: "tip" };
  if (facts.nature === "gift_card") return { category: "O", rateBp: 0, reason: "gift_card" };

  const moves = facts.nature === "goods" || facts.nature === "shipping";
  const destination = context.destinationCountry ?? context.buyerVatCountry;
  const foreignEuBuyer =
    context.buyerVatCountry !== null &&
    context.buyerVatCountry !== context.sellerCountry &&
    EU_COUNTRIES.has(context.buyerVatCountry);
  if (foreignEuBuyer && moves && destination !== null) {
    if (destination !== context.sellerCountry && EU_COUNTRIES.has(destination)) {
      return { category: "K", rateBp: 0, reason: "intra_eu_goods" };
    }
  }
  if (foreignEuBuyer && !moves) return { category: "AE", rateBp: 0, reason: "intra_eu_services" };
  if (moves && destination !== null && !EU_COUNTRIES.has(destination)) {
    return { category: "G", rateBp: 0, reason: "export" };
  }
  if (facts.amountCents === 0) return { category: "Z", rateBp: 0, reason: "zero_amount" };
  return { category: context.untaxedCategory, rateBp: 0, reason: "untaxed" };
}
