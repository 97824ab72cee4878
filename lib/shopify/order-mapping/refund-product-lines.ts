import { buildLine, type LineDraft } from "./build-line";
import { treatmentOf, type CreditNoteContext } from "./credit-note-context";
import { ShopifyPayloadError } from "./errors";
import { lineSku } from "./line-text";
import { productDescription } from "./map-order-to-document";
import type { MappedLine } from "./mapped-types";
import type { ShopifyRefund } from "./refund-types";

/**
 * Quantity × unit price − discount = the refunded amount: the invoice's unit price when
 * it covers the amount (the difference is the line's share of discounts), else the
 * amount per unit rounded up. A 0.00 refund line (item returned, money refunded
 * separately) keeps price 0.
 */
function fitUnitPrice(quantity: number, unitPriceCents: number | undefined, amountCents: number) {
  if (amountCents < 0) {
    throw new ShopifyPayloadError(
      "invalid_amount",
      `Refunded line amount ${amountCents} is negative`,
    );
  }
  if (amountCents === 0) return { unitPriceCents: 0, discountCents: 0 };
  if (unitPriceCents !== undefined && quantity * unitPriceCents >= amountCents) {
    return { unitPriceCents, discountCents: quantity * unitPriceCents - amountCents };
  }
  const perUnit = Number((BigInt(amountCents) + BigInt(quantity) - 1n) / BigInt(quantity));
  return { unitPriceCents: perUnit, discountCents: perUnit * quantity - amountCents };
}

/**
 * Refunded product lines: description, SKU and VAT treatment of the invoice line; the
 * amount is the refund's `subtotal` (after the line's discounts) and the tax its
 * `total_tax` — Shopify's figures, never recomputed.
 */
export function refundProductLines(refund: ShopifyRefund, ctx: CreditNoteContext): MappedLine[] {
  return refund.lineItems.flatMap((refunded): MappedLine[] => {
    if (refunded.quantity === 0 && refunded.subtotalCents === 0 && refunded.totalTaxCents === 0) {
      return [];
    }
    const origin = ctx.invoice.lines.find(
      (line) => line.source.lineItemId !== null && line.source.lineItemId === refunded.lineItemId,
    );
    const item =
      refunded.lineItem ?? ctx.order.lineItems.find((line) => line.id === refunded.lineItemId);
    if (!origin) {
      const message = `Refunded line item ${refunded.lineItemId ?? "?"} is not on the invoice`;
      ctx.warnings.push({ code: "refund_line_not_in_order", message });
    }
    const quantity = Math.max(refunded.quantity, 1);
    const unit = item?.priceCents ?? origin?.unitPriceCents;
    const draft: LineDraft = {
      kind: origin?.kind ?? (item?.giftCard ? "gift_card" : "product"),
      nature: item?.giftCard ? "gift_card" : item?.requiresShipping === false ? "service" : "goods",
      description: origin?.description ?? (item ? productDescription(item) : "Item"),
      sku: origin?.sku ?? lineSku(item?.sku),
      quantity,
      ...fitUnitPrice(quantity, unit, refunded.subtotalCents),
      taxLines: [],
      taxCents: refunded.totalTaxCents,
      taxRateBp: origin?.taxRateBp ?? item?.taxLines.reduce((sum, tax) => sum + tax.rateBp, 0),
      ...(origin ? { treatment: treatmentOf(origin) } : {}),
      source: {
        lineItemId: refunded.lineItemId,
        productId: item?.productId ?? origin?.source.productId ?? null,
        variantId: item?.variantId ?? origin?.source.variantId ?? null,
      },
    };
    return [buildLine(draft, ctx.priceMode, ctx.vat)];
  });
}
