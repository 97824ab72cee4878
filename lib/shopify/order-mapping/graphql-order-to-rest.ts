import { parseDecimalScaled } from "@/lib/money";
import { idFromGid } from "./shopify-ids";

/**
 * The GraphQL order node selected by ORDERS_QUERY (lib/shopify/platform/admin-graphql/queries.ts),
 * with Shopify's GraphQL field names. Everything is optional: the converter must not
 * be the place where a missing field crashes — parseShopifyOrder judges the result.
 */
type Maybe<T> = T | null | undefined;

export interface GraphqlMoney {
  amount?: Maybe<string>;
  currencyCode?: Maybe<string>;
}
export interface GraphqlMoneyBag {
  shopMoney?: Maybe<GraphqlMoney>;
  presentmentMoney?: Maybe<GraphqlMoney>;
}
export interface GraphqlTaxLine {
  title?: Maybe<string>;
  rate?: Maybe<number>;
  ratePercentage?: Maybe<number>;
  channelLiable?: Maybe<boolean>;
  priceSet?: Maybe<GraphqlMoneyBag>;
}
export interface GraphqlAddress {
  firstName?: Maybe<string>;
  lastName?: Maybe<string>;
  name?: Maybe<string>;
  company?: Maybe<string>;
  address1?: Maybe<string>;
  address2?: Maybe<string>;
  city?: Maybe<string>;
  zip?: Maybe<string>;
  province?: Maybe<string>;
  provinceCode?: Maybe<string>;
  country?: Maybe<string>;
  countryCodeV2?: Maybe<string>;
  phone?: Maybe<string>;
}
interface GraphqlDiscountAllocation {
  allocatedAmountSet?: Maybe<GraphqlMoneyBag>;
  /** The code or automatic discount it comes from; `percentage` only for a percentage. */
  discountApplication?: Maybe<{
    index?: Maybe<number>;
    value?: Maybe<{ percentage?: Maybe<number> }>;
  }>;
}
export interface GraphqlLineItem {
  id?: Maybe<string>;
  title?: Maybe<string>;
  variantTitle?: Maybe<string>;
  name?: Maybe<string>;
  sku?: Maybe<string>;
  vendor?: Maybe<string>;
  quantity?: Maybe<number>;
  currentQuantity?: Maybe<number>;
  taxable?: Maybe<boolean>;
  requiresShipping?: Maybe<boolean>;
  isGiftCard?: Maybe<boolean>;
  product?: Maybe<{ id?: Maybe<string> }>;
  variant?: Maybe<{ id?: Maybe<string> }>;
  originalUnitPriceSet?: Maybe<GraphqlMoneyBag>;
  totalDiscountSet?: Maybe<GraphqlMoneyBag>;
  discountAllocations?: Maybe<GraphqlDiscountAllocation[]>;
  taxLines?: Maybe<GraphqlTaxLine[]>;
}
export interface GraphqlShippingLine {
  id?: Maybe<string>;
  title?: Maybe<string>;
  code?: Maybe<string>;
  source?: Maybe<string>;
  originalPriceSet?: Maybe<GraphqlMoneyBag>;
  discountedPriceSet?: Maybe<GraphqlMoneyBag>;
  discountAllocations?: Maybe<GraphqlDiscountAllocation[]>;
  taxLines?: Maybe<GraphqlTaxLine[]>;
}
export interface GraphqlOrderNode {
  id?: Maybe<string>;
  legacyResourceId?: Maybe<string>;
  name?: Maybe<string>;
  email?: Maybe<string>;
  phone?: Maybe<string>;
  note?: Maybe<string>;
  test?: Maybe<boolean>;
  createdAt?: Maybe<string>;
  updatedAt?: Maybe<string>;
  processedAt?: Maybe<string>;
  cancelledAt?: Maybe<string>;
  cancelReason?: Maybe<string>;
  closedAt?: Maybe<string>;
  customerLocale?: Maybe<string>;
  currencyCode?: Maybe<string>;
  presentmentCurrencyCode?: Maybe<string>;
  taxesIncluded?: Maybe<boolean>;
  displayFinancialStatus?: Maybe<string>;
  displayFulfillmentStatus?: Maybe<string>;
  paymentGatewayNames?: Maybe<string[]>;
  sourceName?: Maybe<string>;
  customAttributes?: Maybe<{ key?: Maybe<string>; value?: Maybe<string> }[]>;
  customer?: Maybe<{
    id?: Maybe<string>;
    legacyResourceId?: Maybe<string>;
    email?: Maybe<string>;
    firstName?: Maybe<string>;
    lastName?: Maybe<string>;
    phone?: Maybe<string>;
  }>;
  billingAddress?: Maybe<GraphqlAddress>;
  shippingAddress?: Maybe<GraphqlAddress>;
  totalPriceSet?: Maybe<GraphqlMoneyBag>;
  subtotalPriceSet?: Maybe<GraphqlMoneyBag>;
  totalTaxSet?: Maybe<GraphqlMoneyBag>;
  totalDiscountsSet?: Maybe<GraphqlMoneyBag>;
  totalShippingPriceSet?: Maybe<GraphqlMoneyBag>;
  totalTipReceivedSet?: Maybe<GraphqlMoneyBag>;
  totalOutstandingSet?: Maybe<GraphqlMoneyBag>;
  currentTotalPriceSet?: Maybe<GraphqlMoneyBag>;
  fulfillments?: Maybe<{ createdAt?: Maybe<string>; status?: Maybe<string> }[]>;
  taxLines?: Maybe<GraphqlTaxLine[]>;
  discountCodes?: Maybe<string[]>;
  lineItems?: Maybe<{ nodes?: Maybe<GraphqlLineItem[]> }>;
  shippingLines?: Maybe<{ nodes?: Maybe<GraphqlShippingLine[]> }>;
}

/** The REST / webhook JSON shape that parseShopifyOrder reads. */
export type RestOrderJson = Record<string, unknown>;

const money = (value: Maybe<GraphqlMoney>) =>
  typeof value?.amount === "string"
    ? { amount: value.amount, currency_code: value.currencyCode ?? null }
    : null;

/** `priceSet` → `price_set`; both currency sides kept as Shopify gave them. */
function moneySet(bag: Maybe<GraphqlMoneyBag>) {
  const shop = money(bag?.shopMoney);
  const presentment = money(bag?.presentmentMoney);
  return shop || presentment ? { shop_money: shop, presentment_money: presentment } : null;
}

/** REST's plain amount fields are the shop-currency side. */
const shopAmount = (bag: Maybe<GraphqlMoneyBag>) => bag?.shopMoney?.amount ?? null;

/**
 * `rate` is the fraction REST uses (0.21). If only `ratePercentage` (21.0) is there, the
 * decimal point moves two places as text — no float division.
 */
function fractionRate(line: GraphqlTaxLine): number | string | null {
  if (typeof line.rate === "number") return line.rate;
  if (typeof line.ratePercentage !== "number") return null;
  const bp = parseDecimalScaled(String(line.ratePercentage), 2);
  const sign = bp < 0n ? "-" : "";
  const abs = bp < 0n ? -bp : bp;
  return `${sign}${abs / 10_000n}.${String(abs % 10_000n).padStart(4, "0")}`;
}

function taxLines(lines: Maybe<GraphqlTaxLine[]>) {
  return (lines ?? []).map((line) => ({
    title: line.title ?? null,
    rate: fractionRate(line),
    price: shopAmount(line.priceSet),
    price_set: moneySet(line.priceSet),
    channel_liable: line.channelLiable ?? null,
  }));
}

function discountAllocations(allocations: Maybe<GraphqlDiscountAllocation[]>) {
  return (allocations ?? []).map((allocation) => ({
    amount: shopAmount(allocation.allocatedAmountSet),
    amount_set: moneySet(allocation.allocatedAmountSet),
    discount_application_index: allocation.discountApplication?.index ?? null,
  }));
}

/**
 * REST's `discount_applications`, rebuilt from the applications the line allocations
 * name: only whether each was a percentage (and which) matters to the mapping.
 */
function discountApplications(items: readonly GraphqlLineItem[]) {
  const applications: { value_type: string; value: string }[] = [];
  for (const item of items) {
    for (const allocation of item.discountAllocations ?? []) {
      const application = allocation.discountApplication;
      if (application?.index == null || application.index > 250) continue;
      const percentage = application.value?.percentage;
      applications[application.index] =
        typeof percentage === "number"
          ? { value_type: "percentage", value: String(percentage) }
          : { value_type: "fixed_amount", value: "" };
    }
  }
  // Holes (applications no line uses) stay unknown: never a percentage.
  return Array.from(applications, (a) => a ?? { value_type: "unknown", value: "" });
}

function address(value: Maybe<GraphqlAddress>) {
  if (!value) return null;
  return {
    first_name: value.firstName ?? null,
    last_name: value.lastName ?? null,
    name: value.name ?? null,
    company: value.company ?? null,
    address1: value.address1 ?? null,
    address2: value.address2 ?? null,
    city: value.city ?? null,
    zip: value.zip ?? null,
    province: value.province ?? null,
    province_code: value.provinceCode ?? null,
    country: value.country ?? null,
    country_code: value.countryCodeV2 ?? null,
    phone: value.phone ?? null,
  };
}

/** GraphQL's display status → REST's `fulfillment_status` (null = unfulfilled). */
const FULFILLMENT: Record<string, string> = {
  FULFILLED: "fulfilled",
  PARTIALLY_FULFILLED: "partial",
  RESTOCKED: "restocked",
};

function lineItem(item: GraphqlLineItem) {
  const productId = idFromGid(item.product?.id);
  return {
    id: idFromGid(item.id),
    admin_graphql_api_id: item.id ?? null,
    product_id: productId,
    variant_id: idFromGid(item.variant?.id),
    // REST's flag; GraphQL has no product for deleted products, custom items and tips.
    product_exists: Boolean(item.product),
    title: item.title ?? null,
    variant_title: item.variantTitle ?? null,
    name: item.name ?? null,
    sku: item.sku ?? null,
    vendor: item.vendor ?? null,
    quantity: item.quantity ?? 0,
    current_quantity: item.currentQuantity ?? null,
    taxable: item.taxable ?? null,
    requires_shipping: item.requiresShipping ?? null,
    gift_card: item.isGiftCard ?? false,
    price: shopAmount(item.originalUnitPriceSet),
    price_set: moneySet(item.originalUnitPriceSet),
    total_discount: shopAmount(item.totalDiscountSet),
    total_discount_set: moneySet(item.totalDiscountSet),
    discount_allocations: discountAllocations(item.discountAllocations),
    tax_lines: taxLines(item.taxLines),
  };
}

function shippingLine(line: GraphqlShippingLine) {
  return {
    id: idFromGid(line.id),
    title: line.title ?? null,
    code: line.code ?? null,
    source: line.source ?? null,
    price: shopAmount(line.originalPriceSet),
    price_set: moneySet(line.originalPriceSet),
    discounted_price: shopAmount(line.discountedPriceSet),
    discounted_price_set: moneySet(line.discountedPriceSet),
    discount_allocations: discountAllocations(line.discountAllocations),
    tax_lines: taxLines(line.taxLines),
  };
}

/**
 * A GraphQL order (import, reconciliation) → the REST webhook shape, so one parser and
 * one mapping serve both paths. Ids come from the GIDs (`legacyResourceId` for the
 * order), enums are lower-cased like REST, plain amounts are the shop side as in REST.
 * `total_tip_received_set` is not a REST key: it carries the tip's presentment side,
 * which REST only has on the tip line.
 */
export function graphqlOrderToRest(node: GraphqlOrderNode): RestOrderJson {
  const customer = node.customer;
  return {
    id: node.legacyResourceId ?? idFromGid(node.id),
    admin_graphql_api_id: node.id ?? null,
    name: node.name ?? null,
    email: node.email ?? null,
    phone: node.phone ?? null,
    note: node.note ?? null,
    test: node.test ?? false,
    created_at: node.createdAt ?? null,
    updated_at: node.updatedAt ?? null,
    processed_at: node.processedAt ?? null,
    cancelled_at: node.cancelledAt ?? null,
    cancel_reason: node.cancelReason?.toLowerCase() ?? null,
    closed_at: node.closedAt ?? null,
    customer_locale: node.customerLocale ?? null,
    currency: node.currencyCode ?? null,
    presentment_currency: node.presentmentCurrencyCode ?? null,
    taxes_included: node.taxesIncluded ?? false,
    financial_status: node.displayFinancialStatus?.toLowerCase() ?? null,
    fulfillment_status: FULFILLMENT[node.displayFulfillmentStatus ?? ""] ?? null,
    payment_gateway_names: node.paymentGatewayNames ?? [],
    source_name: node.sourceName ?? null,
    note_attributes: (node.customAttributes ?? []).map((a) => ({
      name: a.key ?? null,
      value: a.value ?? null,
    })),
    customer: customer
      ? {
          id: customer.legacyResourceId ?? idFromGid(customer.id),
          admin_graphql_api_id: customer.id ?? null,
          email: customer.email ?? null,
          first_name: customer.firstName ?? null,
          last_name: customer.lastName ?? null,
          phone: customer.phone ?? null,
        }
      : null,
    billing_address: address(node.billingAddress),
    shipping_address: address(node.shippingAddress),
    total_price: shopAmount(node.totalPriceSet),
    total_price_set: moneySet(node.totalPriceSet),
    subtotal_price: shopAmount(node.subtotalPriceSet),
    subtotal_price_set: moneySet(node.subtotalPriceSet),
    total_tax: shopAmount(node.totalTaxSet),
    total_tax_set: moneySet(node.totalTaxSet),
    total_discounts: shopAmount(node.totalDiscountsSet),
    total_discounts_set: moneySet(node.totalDiscountsSet),
    total_shipping_price_set: moneySet(node.totalShippingPriceSet),
    total_tip_received: shopAmount(node.totalTipReceivedSet),
    total_tip_received_set: moneySet(node.totalTipReceivedSet),
    // Not a REST key either: what is still owed, on both currency sides.
    total_outstanding_set: moneySet(node.totalOutstandingSet),
    current_total_price_set: moneySet(node.currentTotalPriceSet),
    tax_lines: taxLines(node.taxLines),
    discount_codes: (node.discountCodes ?? []).map((code) => ({ code })),
    // Absent connections stay absent: the parser then reports "not an order" / "no shipping
    // key" instead of us inventing empty lists.
    discount_applications: discountApplications(node.lineItems?.nodes ?? []),
    line_items: node.lineItems?.nodes?.map(lineItem),
    shipping_lines: node.shippingLines?.nodes?.map(shippingLine),
    // The shipments: when the goods left is the supply date of an intra-EU supply.
    fulfillments: (node.fulfillments ?? []).map((fulfillment) => ({
      created_at: fulfillment.createdAt ?? null,
      status: fulfillment.status?.toLowerCase() ?? null,
    })),
  };
}
