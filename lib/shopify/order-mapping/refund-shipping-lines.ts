import { divideRoundHalfAway } from "@/lib/money";
import { buildLine, type LineDraft } from "./build-line";
import { adjustmentTax, treatmentOf, type CreditNoteContext } from "./credit-note-context";
import { shippingDescription } from "./map-order-to-document";
import type { MappedLine } from "./mapped-types";
import type { ShopifyRefund } from "./refund-types";

/** The invoice's shipping line a refund points at (or the only one, if ids disagree). */
function originShipping(
  ctx: CreditNoteContext,
  shippingLineId: string | null,
): MappedLine | undefined {
  const shipping = ctx.invoice.lines.filter((line) => line.kind === "shipping");
  return (
    shipping.find(
      (line) => shippingLineId !== null && line.source.shippingLineId === shippingLineId,
    ) ?? (shipping.length === 1 ? shipping[0] : shipping.find((line) => line.amountCents !== 0))
  );
}

function shippingDraft(
  ctx: CreditNoteContext,
  origin: MappedLine | undefined,
  title: string | null,
  amountCents: number,
  taxCents: number,
  taxSource: MappedLine["taxSource"],
  shippingLineId: string | null,
): LineDraft {
  return {
    kind: "shipping",
    nature: "shipping",
    description: origin?.description ?? shippingDescription({ title, code: null }),
    sku: null,
    quantity: amountCents < 0 ? -1 : 1,
    unitPriceCents: Math.abs(amountCents),
    discountCents: 0,
    taxLines: [],
    taxCents,
    taxRateBp: origin?.taxRateBp ?? 0,
    taxSource,
    ...(origin ? { treatment: treatmentOf(origin) } : {}),
    source: { shippingLineId: shippingLineId ?? origin?.source.shippingLineId ?? null },
  };
}

/**
 * Shipping refunds come as `refund_shipping_lines` (current) and/or `order_adjustments`
 * of kind shipping_refund (older; negative amounts). When both are present they
 * describe the SAME money (fixture docs-refund-shipping-order-adjustment: 5.00 and
 * −5.00, one 5.00 transaction), so the shipping lines win and the adjustments are only
 * compared with them.
 */
export function refundShippingLines(refund: ShopifyRefund, ctx: CreditNoteContext): MappedLine[] {
  const adjustments = refund.adjustments.filter((a) => a.kind === "shipping_refund");
  const adjustmentsTax = adjustments.reduce(
    (sum, a) => sum + adjustmentTax(-a.amountCents, a.taxAmountCents),
    0,
  );
  if (refund.shippingLines.length === 0) {
    return adjustments.map((adjustment) => {
      const origin = originShipping(ctx, null);
      const credit = -adjustment.amountCents;
      const draft = shippingDraft(
        ctx,
        origin,
        adjustment.reason,
        credit,
        adjustmentTax(credit, adjustment.taxAmountCents),
        "shopify",
        null,
      );
      return buildLine(draft, ctx.priceMode, ctx.vat);
    });
  }
  const refunded = refund.shippingLines.reduce((sum, line) => sum + line.subtotalCents, 0);
  const adjusted = -adjustments.reduce((sum, a) => sum + a.amountCents, 0);
  if (adjustments.length > 0 && adjusted !== refunded) {
    const message = `refund_shipping_lines total ${refunded} cents, shipping_refund adjustments ${adjusted}`;
    ctx.warnings.push({ code: "shipping_refund_mismatch", message });
  }
  return refund.shippingLines.map((line) => {
    const origin = originShipping(ctx, line.shippingLineId);
    let tax = line.taxCents;
    let source: MappedLine["taxSource"] = "shopify";
    if (tax === null && adjustments.length > 0 && refund.shippingLines.length === 1) {
      tax = adjustmentsTax;
    }
    if (tax === null) {
      // No tax given: the invoice line's tax, in proportion to the part refunded.
      const originTax = origin?.taxCents ?? 0;
      const originAmount = origin?.amountCents ?? 0;
      tax =
        originAmount <= 0
          ? 0
          : Number(
              divideRoundHalfAway(
                BigInt(originTax) * BigInt(line.subtotalCents),
                BigInt(originAmount),
              ),
            );
      if (tax !== 0) {
        source = "computed";
        const message = `Shipping refund tax ${tax} cents derived from the invoice line`;
        ctx.warnings.push({ code: "refund_tax_computed", message });
      }
    }
    const title = line.shippingLine?.title ?? line.shippingLine?.code ?? null;
    const draft = shippingDraft(
      ctx,
      origin,
      title,
      line.subtotalCents,
      tax,
      source,
      line.shippingLineId,
    );
    return buildLine(draft, ctx.priceMode, ctx.vat);
  });
}
