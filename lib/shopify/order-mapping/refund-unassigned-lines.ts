import { buildLine, type LineDraft } from "./build-line";
import { adjustmentTax, treatmentOf, type CreditNoteContext } from "./credit-note-context";
import { lineDescription } from "./line-text";
import type { MappedLine } from "./mapped-types";
import type { ShopifyRefund } from "./refund-types";
import { splitRefundAmount } from "./split-refund-amount";

/**
 * `refund_discrepancy`: the merchant refunded more (negative amount) or less than
 * Shopify calculated. With a tax amount it is one line at the refund's main VAT rate;
 * without, it is shared over the VAT treatments of this refund's lines (else the
 * invoice's), see split-refund-amount.ts.
 */
export function discrepancyLines(
  refund: ShopifyRefund,
  refundLines: MappedLine[],
  ctx: CreditNoteContext,
): MappedLine[] {
  return refund.adjustments
    .filter((adjustment) => adjustment.kind === "refund_discrepancy")
    .flatMap((adjustment) => {
      const credit = -adjustment.amountCents;
      const label = adjustment.reason ?? "Refund discrepancy";
      const basis = refundLines.some((line) => line.grossCents !== 0)
        ? refundLines
        : ctx.invoice.lines;
      if (adjustment.taxAmountCents === 0) {
        return unassignedAmountLines(credit, "refund_discrepancy", label, null, basis, ctx);
      }
      const main = [...basis]
        .filter((line) => line.vatCategory === "S")
        .sort((a, b) => Math.abs(b.grossCents) - Math.abs(a.grossCents))[0];
      const draft: LineDraft = {
        kind: "refund_discrepancy",
        nature: "goods",
        description: lineDescription([label], "Refund discrepancy"),
        sku: null,
        quantity: credit < 0 ? -1 : 1,
        unitPriceCents: Math.abs(credit),
        discountCents: 0,
        taxLines: [],
        taxCents: adjustmentTax(credit, adjustment.taxAmountCents),
        taxRateBp: main?.vatRateBp ?? 0,
        ...(main ? { treatment: treatmentOf(main) } : {}),
      };
      return [buildLine(draft, ctx.priceMode, ctx.vat)];
    });
}

/**
 * Money with no line of its own (money-only refund, discrepancy without tax): one
 * line per VAT treatment of `basis`, VAT split out by Facturo (`taxSource: computed`).
 * Lines carry the refunded gross; in an excl. document the unit price is its net part.
 */
export function unassignedAmountLines(
  grossCents: number,
  kind: "refund" | "refund_discrepancy",
  label: string,
  note: string | null,
  basis: readonly MappedLine[],
  ctx: CreditNoteContext,
): MappedLine[] {
  if (grossCents === 0) return [];
  const shares = splitRefundAmount(grossCents, basis);
  const parts = shares.length > 0 ? shares : [{ treatment: undefined, grossCents, vatCents: 0 }];
  if (parts.some((part) => part.vatCents !== 0)) {
    const message = `VAT of ${kind} ${grossCents} cents split out by Facturo (Shopify gave none)`;
    ctx.warnings.push({ code: "refund_tax_computed", message });
  }
  return parts.map((part) => {
    const amount = ctx.priceMode === "incl" ? part.grossCents : part.grossCents - part.vatCents;
    const draft: LineDraft = {
      kind,
      nature: "goods",
      description: lineDescription([label, note], label),
      sku: null,
      quantity: amount < 0 ? -1 : 1,
      unitPriceCents: Math.abs(amount),
      discountCents: 0,
      taxLines: [],
      taxCents: part.vatCents,
      taxRateBp: part.treatment?.rateBp ?? 0,
      taxSource: "computed",
      ...(part.treatment ? { treatment: part.treatment } : {}),
    };
    return buildLine(draft, ctx.priceMode, ctx.vat);
  });
}
