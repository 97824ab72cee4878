import type { PriceMode } from "@/lib/vat";
import type { MappedLine, MappedOrderDocument, MappingWarning } from "./mapped-types";
import type { ShopifyOrder } from "./order-types";
import type { VatTreatment, VatTreatmentContext } from "./vat-treatment";

/** What every part of a credit note needs: the invoice it corrects, and where to warn. */
export interface CreditNoteContext {
  /** The order mapped as an invoice: the lines the credit note mirrors. */
  readonly invoice: MappedOrderDocument;
  readonly order: ShopifyOrder;
  readonly priceMode: PriceMode;
  readonly vat: VatTreatmentContext;
  readonly warnings: MappingWarning[];
}

/** A credit-note line repeats the VAT treatment of the invoice line it corrects. */
export const treatmentOf = (line: MappedLine): VatTreatment => ({
  category: line.vatCategory,
  rateBp: line.vatRateBp,
  reason: line.vatReason,
  country: line.vatCountry,
});

/**
 * An adjustment's tax goes the same way as its amount. Shopify's samples write the
 * amount negative and the tax "0.00", so the tax's own sign cannot be relied on.
 */
export function adjustmentTax(creditCents: number, taxAmountCents: number): number {
  return creditCents < 0 ? -Math.abs(taxAmountCents) : Math.abs(taxAmountCents);
}
