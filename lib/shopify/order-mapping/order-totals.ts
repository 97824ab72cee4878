import { computeDocumentTotals, vatCountryOf, vatGroupKey, type DocumentTotals } from "@/lib/vat";
import type { MappedCreditNote, MappedOrderDocument } from "./mapped-types";
import type { ShopifyOrder } from "./order-types";
import { toFacturoLines } from "./to-facturo-lines";

/**
 * THE ROUNDING RULE. Shopify rounds tax per line (and per shipping line), then sums;
 * Facturo and EN 16931 compute VAT once per rate on the rate's total. The two can be a
 * cent apart (fixture eu-be-fixed-discount-rounding: per-line sum 5.50, per-rate 5.49).
 * The document keeps what the customer paid — Shopify's per-line sums, passed as
 * `fixedVat` — and the breakdown shows the gap in `vatDifferenceCents`
 * (computedVatCents = what Facturo would have charged). Amounts are never changed to
 * make the per-rate formula come out.
 */
export function computeMappedTotals(
  document: Pick<
    MappedOrderDocument | MappedCreditNote,
    "currency" | "lines" | "fixedVat" | "language"
  >,
): DocumentTotals {
  return computeDocumentTotals(toFacturoLines(document.lines, document.language), {
    currency: document.currency,
    fixedVat: document.fixedVat,
  });
}

export type TotalsCheckStatus = "match" | "mismatch" | "unknown";

export interface TotalsCheck {
  /** "total_price", "total_tax", "tax_rate:2100" (Shopify's tax lines at 21 %), "vat_group:S:2100". */
  readonly what: string;
  /** Null when the payload does not say (trimmed). */
  readonly shopifyCents: number | null;
  readonly documentCents: number;
  readonly status: TotalsCheckStatus;
}

export interface ShopifyTotalsComparison {
  /** Every check matched to the cent. */
  readonly ok: boolean;
  readonly checks: readonly TotalsCheck[];
}

const check = (what: string, shopifyCents: number | null, documentCents: number): TotalsCheck => ({
  what,
  shopifyCents,
  documentCents,
  status: shopifyCents === null ? "unknown" : shopifyCents === documentCents ? "match" : "mismatch",
});

function sumByRate(entries: readonly { rateBp: number; cents: number }[]): Map<number, number> {
  const sums = new Map<number, number>();
  for (const { rateBp, cents } of entries) sums.set(rateBp, (sums.get(rateBp) ?? 0) + cents);
  return sums;
}

/**
 * Does the document charge what Shopify charged? Compares (presentment side):
 * - the document total with `total_price`, its VAT with `total_tax`, its product lines
 *   with `subtotal_price` (Σ discounted lines, tips excluded) when the payload has it;
 * - per Shopify rate, the tax of the document's lines with Σ order `tax_lines`
 *   (component rates: a state 6 % + county 2.5 % line counts in both);
 * - per Facturo VAT group, the breakdown's VAT with Σ of its lines' Shopify tax
 *   (proves the fixed VAT reached the right group).
 */
export function compareWithShopify(
  order: ShopifyOrder,
  document: Pick<MappedOrderDocument, "lines">,
  totals: DocumentTotals,
): ShopifyTotalsComparison {
  const checks = [
    check("total_price", order.totals.totalPriceCents, totals.grossCents),
    check("total_tax", order.totals.totalTaxCents, totals.vatCents),
  ];
  // Optional (GraphQL imports do not select it): catches a tip taken for a product or back.
  if (order.totals.subtotalPriceCents !== null) {
    const goods = document.lines
      .filter((line) => line.kind === "product" || line.kind === "gift_card")
      .reduce((sum, line) => sum + line.amountCents, 0);
    checks.push(check("subtotal_price", order.totals.subtotalPriceCents, goods));
  }

  const shopifyByRate = order.taxLines ? sumByRate(order.taxLines) : null;
  const documentByRate = sumByRate(document.lines.flatMap((line) => line.taxLines));
  const rates = new Set([...(shopifyByRate?.keys() ?? []), ...documentByRate.keys()]);
  for (const rateBp of [...rates].sort((a, b) => b - a)) {
    const shopify = shopifyByRate ? (shopifyByRate.get(rateBp) ?? 0) : null;
    checks.push(check(`tax_rate:${rateBp}`, shopify, documentByRate.get(rateBp) ?? 0));
  }

  for (const group of totals.vatBreakdown) {
    const country = vatCountryOf(group);
    const lineTax = document.lines
      .filter(
        (line) =>
          line.vatCountry === country &&
          line.vatCategory === group.category &&
          line.vatRateBp === group.rateBp,
      )
      .reduce((sum, line) => sum + line.taxCents, 0);
    checks.push(check(`vat_group:${vatGroupKey(group)}`, lineTax, group.vatCents));
  }
  return { ok: checks.every((c) => c.status === "match"), checks };
}
