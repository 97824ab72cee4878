import type { PriceMode } from "@/lib/vat";
import { buildLine } from "./build-line";
import { mapBuyer, type MappedBuyer } from "./buyer";
import { vatNumberCountry } from "./buyer-vat-number";
import { brusselsDayOf } from "@/lib/calendar/brussels-date";
import { languageFromLocale } from "./document-language";
import { fixedVatOf, isReverseCharge } from "./fixed-vat";
import { orderDates } from "./order-dates";
import { receivedCents } from "./received";
import { taxOwner, unknownVatRate } from "./tax-country";
import { basisPointsToPercent } from "@/lib/money";
import { lineDescription, lineSku } from "./line-text";
import type {
  MappedLine,
  MappedOrderDocument,
  MappedTaxLine,
  MappingWarning,
  OrderDocumentType,
} from "./mapped-types";
import type {
  ShopifyLineItem,
  ShopifyOrder,
  ShopifyShippingLine,
  ShopifyTaxLine,
} from "./order-types";
import { findTipLines } from "./tip-lines";
import type { UntaxedCategory, VatTreatmentContext } from "./vat-treatment";

export interface MapOrderOptions {
  readonly documentType: OrderDocumentType;
  readonly sellerCountry: "BE";
  /** Category of untaxed lines that no rule explains (see vat-treatment.ts); default E. */
  readonly untaxedCategory?: UntaxedCategory;
}

/** What decides the VAT category of an untaxed line: who buys, and where the goods go. */
export function vatContext(
  buyer: MappedBuyer,
  options: Pick<MapOrderOptions, "sellerCountry" | "untaxedCategory">,
  taxDate: string | null = null,
): VatTreatmentContext {
  return {
    taxDate,
    sellerCountry: options.sellerCountry,
    buyerVatCountry: vatNumberCountry(buyer.vatNumber),
    destinationCountry:
      buyer.shippingAddress?.countryCode || buyer.billingAddress?.countryCode || null,
    untaxedCategory: options.untaxedCategory ?? "E",
  };
}

/** Statuses after which the original invoice counts as paid in full (refunds get credit notes). */
const PAID_STATUSES = new Set(["paid", "partially_refunded", "refunded"]);

/** Shopify's name for a product without variants; it says nothing on an invoice. */
const DEFAULT_VARIANT = "Default Title";

/**
 * A parsed Shopify order → the document to create (invoice, order form or delivery
 * note). Pure: no database, no clock. Amounts are the presentment side and every VAT
 * amount is Shopify's own per-line figure (see README: the rounding rule).
 */
export function mapOrderToDocument(
  order: ShopifyOrder,
  options: MapOrderOptions,
): MappedOrderDocument {
  const priceMode: PriceMode = order.taxesIncluded ? "incl" : "excl";
  const buyer = mapBuyer(order);
  const issueDate = brusselsDayOf(order.processedAt ?? order.createdAt);
  const context = vatContext(buyer, options, issueDate);
  const warnings: MappingWarning[] = [];
  const lines = [
    ...productLines(order, priceMode, context, warnings),
    ...shippingLines(order, priceMode, context, warnings),
  ];
  warnings.push(...unknownRateWarnings(lines, context));
  const vatTotalEurCents = vatInEuro(order.presentmentCurrency, lines, warnings);

  if (!issueDate) {
    warnings.push({ code: "missing_issue_date", message: "Order has no usable processed_at" });
  }
  if (order.test) warnings.push({ code: "test_order", message: "Shopify test order" });
  if (order.cancelledAt) {
    warnings.push({ code: "cancelled_order", message: `Cancelled at ${order.cancelledAt}` });
  }
  if ((order.totals.totalDutiesCents ?? 0) !== 0) {
    const message = "Import duties are in Shopify's total but not on the document";
    warnings.push({ code: "duties_not_mapped", message });
  }
  if ((order.totals.totalAdditionalFeesCents ?? 0) !== 0) {
    const message = "Additional fees are in Shopify's total but not on the document";
    warnings.push({ code: "additional_fees_not_mapped", message });
  }
  const linesTotal = lines.reduce((sum, line) => sum + line.grossCents, 0);
  const received = receivedCents(order, linesTotal);
  if (received === null) {
    const message = "Partially paid, but the payload does not say how much was paid";
    warnings.push({ code: "received_amount_unknown", message });
  }
  for (const attribute of buyer.rejectedVatNumbers) {
    const message = `"${attribute.name}" is not a valid VAT number; kept as a note`;
    warnings.push({ code: "invalid_vat_number", message });
  }

  return {
    documentType: options.documentType,
    currency: order.presentmentCurrency,
    shopCurrency: order.shopCurrency,
    language: languageFromLocale(order.customerLocale),
    issueDate,
    taxesIncluded: order.taxesIncluded,
    priceMode,
    shopify: {
      orderId: order.id,
      orderGid: order.gid,
      orderName: order.name,
      updatedAt: order.updatedAt,
    },
    paid: PAID_STATUSES.has(order.financialStatus ?? ""),
    receivedCents: received,
    dates: orderDates(order, {
      intraEuGoods: lines.some((line) => line.vatReason === "intra_eu_goods"),
    }),
    financialStatus: order.financialStatus,
    paymentGatewayNames: order.paymentGatewayNames,
    test: order.test,
    cancelled: order.cancelledAt !== null,
    buyer,
    lines,
    fixedVat: fixedVatOf(lines),
    vatTotalEurCents,
    reverseCharge: isReverseCharge(lines),
    notes: buyer.rejectedVatNumbers.map((attribute) => `${attribute.name}: ${attribute.value}`),
    customerNote: order.note,
    warnings,
  };
}

/**
 * The VAT an order in another currency charged, in euro (art. 230 VAT Directive; art. 5
 * §1, 7° KB nr. 1): Σ of the shop-money side of its VAT tax lines, as Shopify converted them
 * for a shop that keeps its books in EUR. No VAT is 0 in any currency. Unknown (a shop in
 * another currency, a payload without shop money) is null and said, never guessed.
 */
function vatInEuro(
  currency: string,
  lines: readonly MappedLine[],
  warnings: MappingWarning[],
): number | null {
  if (currency === "EUR") return null;
  const vatLines = lines.filter((line) => line.vatCategory === "S" && line.taxCents !== 0);
  let sum = 0;
  for (const tax of vatLines.flatMap((line) => line.taxLines)) {
    if (tax.eurCents === null || tax.eurCents === undefined) {
      const message = `The order is in ${currency} and does not give its VAT in EUR (shop money)`;
      warnings.push({ code: "vat_in_euro_unknown", message });
      return null;
    }
    sum += tax.eurCents;
  }
  return sum;
}

/** A VAT rate Facturo does not know for its member state on the order's day: checked before sending. */
function unknownRateWarnings(
  lines: readonly MappedLine[],
  context: VatTreatmentContext,
): MappingWarning[] {
  const date = context.taxDate ?? null;
  const destinationCountry = context.destinationCountry;
  const seen = new Set<string>();
  return lines.flatMap((line): MappingWarning[] => {
    const key = `${line.vatCountry}:${line.vatRateBp}`;
    const tax = line.taxLines[0];
    if (line.vatCategory !== "S" || !tax || seen.has(key)) return [];
    if (taxOwner(tax, { destinationCountry, date }).kind !== "vat") return [];
    seen.add(key);
    if (!unknownVatRate(line.vatCountry, line.vatRateBp, date)) return [];
    const rate = basisPointsToPercent(line.vatRateBp);
    const message = `${rate} % is not a VAT rate of ${line.vatCountry} on ${date ?? "?"}`;
    return [{ code: "unknown_vat_rate", message }];
  });
}

export function mappedTaxLines(
  taxLines: readonly ShopifyTaxLine[],
  warnings: MappingWarning[],
): MappedTaxLine[] {
  return taxLines.map((tax) => {
    if (!tax.rateExact) {
      const message = `Tax rate of "${tax.title ?? "tax"}" rounded to ${tax.rateBp} basis points`;
      warnings.push({ code: "rate_rounded", message });
    }
    return {
      title: tax.title,
      rateBp: tax.rateBp,
      cents: tax.cents,
      eurCents: tax.eurCents ?? null,
    };
  });
}

/** Title – variant, as the customer saw it in the cart. */
export function productDescription(item: ShopifyLineItem): string {
  const variant = item.variantTitle === DEFAULT_VARIANT ? null : item.variantTitle;
  return item.title
    ? lineDescription([item.title, variant], "Item")
    : lineDescription([item.name], "Item");
}

function productLines(
  order: ShopifyOrder,
  priceMode: PriceMode,
  context: VatTreatmentContext,
  warnings: MappingWarning[],
): MappedLine[] {
  const tips = findTipLines(order);
  const lines = order.lineItems.flatMap((item, index): MappedLine[] => {
    if (item.quantity === 0) {
      const message = `Line "${item.title ?? index}" has quantity 0 and is left out`;
      warnings.push({ code: "zero_quantity_line", message });
      return [];
    }
    const isTip = tips.indexes.has(index);
    const kind = isTip ? "tip" : item.giftCard ? "gift_card" : "product";
    const nature = isTip
      ? "tip"
      : item.giftCard
        ? "gift_card"
        : item.requiresShipping === false
          ? "service"
          : "goods";
    const draft = {
      kind,
      nature,
      description: isTip ? lineDescription([item.title], "Tip") : productDescription(item),
      sku: lineSku(item.sku),
      quantity: item.quantity,
      unitPriceCents: item.priceCents,
      discountCents: item.discountCents,
      discountPercentBp: item.discountPercentBp ?? null,
      taxLines: mappedTaxLines(item.taxLines, warnings),
      source: { lineItemId: item.id, productId: item.productId, variantId: item.variantId },
    } as const;
    return [buildLine(draft, priceMode, context)];
  });
  if (tips.unmatchedTipCents !== 0) {
    const message = "total_tip_received has no matching tip line; added as its own line";
    warnings.push({ code: "tip_without_line", message });
    const draft = {
      kind: "tip",
      nature: "tip",
      description: "Tip",
      sku: null,
      quantity: 1,
      unitPriceCents: tips.unmatchedTipCents,
      discountCents: 0,
      taxLines: [],
    } as const;
    lines.push(buildLine(draft, priceMode, context));
  }
  return lines;
}

export function shippingDescription(line: Pick<ShopifyShippingLine, "title" | "code">): string {
  return lineDescription([line.title ?? line.code], "Shipping");
}

function shippingLines(
  order: ShopifyOrder,
  priceMode: PriceMode,
  context: VatTreatmentContext,
  warnings: MappingWarning[],
): MappedLine[] {
  return (order.shippingLines ?? []).flatMap((line): MappedLine[] => {
    if (line.isRemoved) {
      const message = `Shipping line "${line.title ?? line.id}" was removed and is left out`;
      warnings.push({ code: "removed_shipping_line", message });
      return [];
    }
    // A 0.00 shipping line (free shipping, pickup) is kept: the customer saw it.
    const discount = line.priceCents - line.discountedPriceCents;
    const draft = {
      kind: "shipping",
      nature: "shipping",
      description: shippingDescription(line),
      sku: null,
      quantity: 1,
      unitPriceCents: discount >= 0 ? line.priceCents : line.discountedPriceCents,
      discountCents: Math.max(discount, 0),
      taxLines: mappedTaxLines(line.taxLines, warnings),
      source: { shippingLineId: line.id },
    } as const;
    return [buildLine(draft, priceMode, context)];
  });
}
