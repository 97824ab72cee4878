import { MoneyError, parseDecimalScaled } from "@/lib/money";
import { rateToBasisPoints, type AmountReader } from "./amount-reader";
import type { RawLineItem, RawOrder, RawShippingLine, RawTaxLine } from "./order-schema";
import type { ShopifyLineItem, ShopifyShippingLine, ShopifyTaxLine } from "./order-types";
import { idString } from "./shopify-ids";
import { optionalText } from "./text-fields";

/** Tax lines of a line, a shipping line or the order; each amount from the presentment side. */
export function normaliseTaxLines(
  reader: AmountReader,
  path: string,
  raw: readonly RawTaxLine[] | null | undefined,
): ShopifyTaxLine[] {
  return (raw ?? []).flatMap((line, index) => {
    const at = `${path}.${index}`;
    const cents = reader.pick(`${at}.price`, line.price_set, line.price, true);
    let rate: { rateBp: number; exact: boolean } | null = null;
    if (line.rate === null || line.rate === undefined) {
      reader.issue(`${at}.rate`, "is missing");
    } else {
      try {
        rate = rateToBasisPoints(line.rate);
      } catch (error) {
        reader.issue(`${at}.rate`, error instanceof MoneyError ? error.message : String(error));
      }
    }
    if (cents === null || rate === null) return [];
    return [
      {
        title: optionalText(line.title),
        rateBp: rate.rateBp,
        rateExact: rate.exact,
        cents,
        eurCents: reader.shopEurCents(line.price_set),
      },
    ];
  });
}

/**
 * Σ discount_allocations. The legacy `total_discount` is only a fallback when the
 * allocations key is absent: Shopify leaves it at 0.00 for order-level codes even
 * though the allocations carry the discount.
 */
function allocatedDiscount(
  reader: AmountReader,
  path: string,
  allocations: RawLineItem["discount_allocations"],
  legacy: { set: RawLineItem["total_discount_set"]; plain: RawLineItem["total_discount"] } | null,
): number {
  if (!allocations) {
    if (!legacy) return 0;
    return reader.pick(`${path}.total_discount`, legacy.set, legacy.plain, false) ?? 0;
  }
  return allocations.reduce((sum, allocation, index) => {
    const at = `${path}.discount_allocations.${index}.amount`;
    return sum + (reader.pick(at, allocation.amount_set, allocation.amount, true) ?? 0);
  }, 0);
}

/**
 * The basis points of the one percentage discount all of a line's allocations come
 * from; null when any is a fixed amount, there are several, or the kind is not known.
 */
export function allocatedDiscountPercent(
  allocations: RawLineItem["discount_allocations"],
  applications: RawOrder["discount_applications"],
): number | null {
  if (!allocations || allocations.length === 0 || !applications) return null;
  const indexes = new Set(allocations.map((a) => a.discount_application_index));
  if (indexes.size !== 1) return null;
  const [index] = indexes;
  const application = index == null ? undefined : applications[index];
  if (application?.value_type !== "percentage" || application.value == null) return null;
  // "10.0", "12.5", "33.33": at most two decimals once trailing zeros are dropped.
  const text = String(application.value)
    .trim()
    .replace(/(\.\d*?)0+$/, "$1")
    .replace(/\.$/, "");
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text)) return null;
  const bp = Number(parseDecimalScaled(text, 2, true));
  return bp > 0 && bp <= 10_000 ? bp : null;
}

export function normaliseLineItem(
  reader: AmountReader,
  path: string,
  raw: RawLineItem,
  applications: RawOrder["discount_applications"] = null,
): ShopifyLineItem {
  const priceCents = reader.pick(`${path}.price`, raw.price_set, raw.price, true) ?? 0;
  return {
    id: idString(raw.id, raw.admin_graphql_api_id),
    gid: optionalText(raw.admin_graphql_api_id),
    productId: idString(raw.product_id),
    variantId: idString(raw.variant_id),
    title: optionalText(raw.title),
    variantTitle: optionalText(raw.variant_title),
    name: optionalText(raw.name),
    sku: optionalText(raw.sku),
    quantity: raw.quantity,
    priceCents,
    discountCents: allocatedDiscount(reader, path, raw.discount_allocations, {
      set: raw.total_discount_set,
      plain: raw.total_discount,
    }),
    discountPercentBp: allocatedDiscountPercent(raw.discount_allocations, applications),
    taxLines: normaliseTaxLines(reader, `${path}.tax_lines`, raw.tax_lines),
    taxable: raw.taxable ?? null,
    requiresShipping: raw.requires_shipping ?? null,
    giftCard: raw.gift_card ?? false,
    productExists: raw.product_exists ?? null,
  };
}

/**
 * `discounted_price` is what the customer pays for shipping; when a payload only has
 * `price` and allocations, it is derived from them (price − Σ allocations).
 */
export function normaliseShippingLine(
  reader: AmountReader,
  path: string,
  raw: RawShippingLine,
): ShopifyShippingLine {
  const priceCents = reader.pick(`${path}.price`, raw.price_set, raw.price, true) ?? 0;
  const discounted = reader.pick(
    `${path}.discounted_price`,
    raw.discounted_price_set,
    raw.discounted_price,
    false,
  );
  const allocated = allocatedDiscount(reader, path, raw.discount_allocations, null);
  return {
    id: idString(raw.id),
    title: optionalText(raw.title),
    code: optionalText(raw.code),
    priceCents,
    discountedPriceCents: discounted ?? priceCents - allocated,
    taxLines: normaliseTaxLines(reader, `${path}.tax_lines`, raw.tax_lines),
    isRemoved: raw.is_removed ?? false,
  };
}
