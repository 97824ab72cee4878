import { HOME_VAT_COUNTRY, type PriceMode } from "@/lib/vat";
import { ShopifyPayloadError } from "./errors";
import type { MappedLine, MappedLineKind, MappedTaxLine } from "./mapped-types";
import { taxOwner } from "./tax-country";
import {
  chooseVatTreatment,
  type LineNature,
  type VatTreatment,
  type VatTreatmentContext,
} from "./vat-treatment";

export interface LineDraft {
  readonly kind: MappedLineKind;
  readonly nature: LineNature;
  readonly description: string;
  readonly sku: string | null;
  readonly quantity: number;
  readonly unitPriceCents: number;
  readonly discountCents: number;
  /** The discount's percentage when it was one (ShopifyLineItem.discountPercentBp). */
  readonly discountPercentBp?: number | null;
  /** Shopify's tax lines; their sum is the line's tax unless `taxCents` is given. */
  readonly taxLines: readonly MappedTaxLine[];
  /** A refund gives one tax amount for the line, not per rate. */
  readonly taxCents?: number;
  readonly taxRateBp?: number;
  readonly taxSource?: MappedLine["taxSource"];
  /** A credit-note line repeats the treatment of the invoice line it corrects. */
  readonly treatment?: VatTreatment;
  readonly source?: Partial<MappedLine["source"]>;
}

/**
 * One document line from Shopify's numbers: amount = quantity × unit price − discount,
 * tax = Shopify's per-line tax. Net and gross follow from the price mode (docs/shopify.md
 * §3.4): incl. → net = amount − tax; excl. → gross = amount + tax.
 */
export function buildLine(
  draft: LineDraft,
  priceMode: PriceMode,
  context: VatTreatmentContext,
): MappedLine {
  const amountCents = draft.quantity * draft.unitPriceCents - draft.discountCents;
  const taxCents = draft.taxCents ?? draft.taxLines.reduce((sum, tax) => sum + tax.cents, 0);
  // Several tax lines on one line (state + county, GST + PST) tax the same base, so their
  // rates add up to the line's effective rate; the components stay in `taxLines`.
  const taxRateBp = draft.taxRateBp ?? draft.taxLines.reduce((sum, tax) => sum + tax.rateBp, 0);
  const owner = draft.taxLines[0]
    ? taxOwner(draft.taxLines[0], {
        destinationCountry: context.destinationCountry,
        date: context.taxDate ?? null,
      })
    : null;
  const taxCountry = owner?.kind === "vat" ? owner.country : null;
  const treatment =
    draft.treatment ??
    chooseVatTreatment({ nature: draft.nature, taxRateBp, amountCents, taxCountry }, context);
  if (treatment.category !== "S" && taxCents !== 0) {
    throw new ShopifyPayloadError(
      "inconsistent_tax",
      `"${draft.description}" carries ${taxCents} cents of tax without a tax rate`,
    );
  }
  return {
    kind: draft.kind,
    description: draft.description,
    sku: draft.sku,
    quantity: draft.quantity,
    unitPriceCents: draft.unitPriceCents,
    discountCents: draft.discountCents,
    discountPercentBp: draft.discountPercentBp ?? null,
    amountCents,
    taxCents,
    netCents: priceMode === "incl" ? amountCents - taxCents : amountCents,
    grossCents: priceMode === "incl" ? amountCents : amountCents + taxCents,
    priceMode,
    vatCategory: treatment.category,
    vatRateBp: treatment.rateBp,
    vatCountry: treatment.country ?? HOME_VAT_COUNTRY,
    vatReason: treatment.reason,
    taxRateBp,
    taxSource: draft.taxSource ?? "shopify",
    taxLines: draft.taxLines,
    source: {
      lineItemId: draft.source?.lineItemId ?? null,
      productId: draft.source?.productId ?? null,
      variantId: draft.source?.variantId ?? null,
      shippingLineId: draft.source?.shippingLineId ?? null,
    },
  };
}
