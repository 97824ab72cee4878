import type { GqlObject } from "./graphql-executor";
import { gid } from "./ids";
import {
  getArray,
  getBoolean,
  getNumber,
  getObject,
  getObjects,
  getScalarString,
  getString,
  type JsonObject,
} from "./json";
import { formatCents, graphqlDecimal, toCents } from "./money";

/**
 * The stored REST order (webhook shape, snake_case) seen through the GraphQL Admin API
 * (`Order` object, camelCase). Covers every field of ORDERS_QUERY in
 * lib/shopify/platform/admin-graphql/queries.ts plus a few neighbours; the executor returns only what
 * was selected. Conventions that differ between the two APIs, as on real Shopify:
 *  - money: `*_set` → MoneyBag `{ shopMoney { amount currencyCode } presentmentMoney {…} }`,
 *    amounts as Decimal strings ("82.40" → "82.4"), see money.ts `graphqlDecimal`;
 *  - ids: GID strings, plus `legacyResourceId` (the numeric id as a string);
 *  - dates: UTC with a `Z` and no milliseconds ("2026-02-12T13:23:51Z");
 *  - enums: upper case (`paid` → `PAID`, `customer` → `CUSTOMER`);
 *  - note_attributes `{name, value}` → customAttributes `{key, value}`;
 *  - country_code → countryCodeV2; discount_codes[].code → discountCodes: [String].
 */

interface Currencies {
  shop: string;
  presentment: string;
}

/** "2026-02-12T14:23:51+01:00" → "2026-02-12T13:23:51Z". */
export function graphqlDateTime(value: string | null): string | null {
  if (!value) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function money(amount: string | number | null, currencyCode: string): GqlObject {
  return {
    __typename: "MoneyV2",
    amount: graphqlDecimal(amount === null ? "0" : amount),
    currencyCode,
  };
}

/**
 * A MoneyBag from a REST `*_set` object, or from the plain scalar amount when the payload
 * has no set (older/trimmed payloads): then both sides carry that amount.
 */
function moneyBag(
  set: JsonObject | null,
  fallback: string | number | null,
  currencies: Currencies,
): GqlObject {
  const shopMoney = set ? getObject(set, "shop_money") : null;
  const presentmentMoney = set ? getObject(set, "presentment_money") : null;
  if (shopMoney && presentmentMoney) {
    return {
      __typename: "MoneyBag",
      shopMoney: money(
        getScalarString(shopMoney, "amount"),
        getString(shopMoney, "currency_code") ?? currencies.shop,
      ),
      presentmentMoney: money(
        getScalarString(presentmentMoney, "amount"),
        getString(presentmentMoney, "currency_code") ?? currencies.presentment,
      ),
    };
  }
  return {
    __typename: "MoneyBag",
    shopMoney: money(fallback, currencies.shop),
    presentmentMoney: money(fallback, currencies.presentment),
  };
}

function bagField(source: JsonObject, key: string, currencies: Currencies): GqlObject {
  return moneyBag(getObject(source, `${key}_set`), getScalarString(source, key), currencies);
}

function taxLines(source: JsonObject, currencies: Currencies): GqlObject[] {
  return getObjects(source, "tax_lines").map((line) => {
    const rate = getNumber(line, "rate") ?? 0;
    return {
      __typename: "TaxLine",
      title: getString(line, "title"),
      rate,
      // 0.21 * 100 is 21.000000000000004 in floating point; Shopify sends 21.0.
      ratePercentage: Math.round(rate * 100 * 1e6) / 1e6,
      channelLiable: getBoolean(line, "channel_liable") ?? false,
      priceSet: bagField(line, "price", currencies),
    };
  });
}

/**
 * The application an allocation comes from, as Shopify's DiscountApplication interface:
 * its index and value (a percentage, or an amount of money).
 */
function discountApplication(order: JsonObject, index: number | null): GqlObject | null {
  if (index === null) return null;
  const application = getObjects(order, "discount_applications")[index];
  if (!application) return null;
  const value = getScalarString(application, "value") ?? "0";
  const percentage = getString(application, "value_type") === "percentage";
  return {
    __typename: "DiscountCodeApplication",
    index,
    value: percentage
      ? { __typename: "PricingPercentageValue", percentage: Number(value) }
      : { __typename: "MoneyV2", amount: value, currencyCode: "EUR" },
  };
}

function discountAllocations(
  source: JsonObject,
  currencies: Currencies,
  order: JsonObject,
): GqlObject[] {
  return getObjects(source, "discount_allocations").map((allocation) => ({
    __typename: "DiscountAllocation",
    allocatedAmountSet: bagField(allocation, "amount", currencies),
    discountApplication: discountApplication(
      order,
      getNumber(allocation, "discount_application_index") ?? null,
    ),
  }));
}

function attributes(source: JsonObject, key: string): GqlObject[] {
  return getObjects(source, key).map((attribute) => ({
    __typename: "Attribute",
    key: getScalarString(attribute, "name") ?? "",
    value: getScalarString(attribute, "value"),
  }));
}

function address(source: JsonObject | null): GqlObject | null {
  if (!source) return null;
  return {
    __typename: "MailingAddress",
    firstName: getString(source, "first_name"),
    lastName: getString(source, "last_name"),
    name: getString(source, "name"),
    company: getString(source, "company"),
    address1: getString(source, "address1"),
    address2: getString(source, "address2"),
    city: getString(source, "city"),
    zip: getString(source, "zip"),
    province: getString(source, "province"),
    provinceCode: getString(source, "province_code"),
    country: getString(source, "country"),
    countryCodeV2: getString(source, "country_code"),
    phone: getString(source, "phone"),
    latitude: getNumber(source, "latitude"),
    longitude: getNumber(source, "longitude"),
  };
}

function resourceGid(source: JsonObject, type: string): string {
  return (
    getString(source, "admin_graphql_api_id") ?? gid(type, getScalarString(source, "id") ?? "0")
  );
}

function reference(type: string, id: string | null): GqlObject | null {
  if (id === null) return null;
  return { __typename: type, id: gid(type, id), legacyResourceId: id };
}

/** A connection with both `nodes` and `edges`, honouring `first` (Shopify's max is 250). */
function connection(
  typename: string,
  items: GqlObject[],
  args: Record<string, unknown>,
): GqlObject {
  const first = typeof args.first === "number" ? Math.min(args.first, 250) : items.length;
  const page = items.slice(0, first);
  return {
    __typename: typename,
    nodes: page,
    edges: page.map((node, i) => ({ __typename: "Edge", node, cursor: String(i + 1) })),
    pageInfo: {
      __typename: "PageInfo",
      hasNextPage: items.length > page.length,
      hasPreviousPage: false,
      startCursor: page.length ? "1" : null,
      endCursor: page.length ? String(page.length) : null,
    },
  };
}

function lineItem(line: JsonObject, currencies: Currencies, order: JsonObject): GqlObject {
  const quantity = getNumber(line, "quantity") ?? 0;
  const priceCents = toCents(getScalarString(line, "price"));
  return {
    __typename: "LineItem",
    __interfaces: ["Node"],
    id: resourceGid(line, "LineItem"),
    title: getString(line, "title"),
    variantTitle: getString(line, "variant_title"),
    name: getString(line, "name"),
    sku: getString(line, "sku"),
    vendor: getString(line, "vendor"),
    quantity,
    currentQuantity: getNumber(line, "current_quantity") ?? quantity,
    unfulfilledQuantity: getNumber(line, "fulfillable_quantity") ?? quantity,
    taxable: getBoolean(line, "taxable") ?? true,
    requiresShipping: getBoolean(line, "requires_shipping") ?? true,
    isGiftCard: getBoolean(line, "gift_card") ?? false,
    product: reference("Product", getScalarString(line, "product_id")),
    variant: reference("ProductVariant", getScalarString(line, "variant_id")),
    customAttributes: attributes(line, "properties"),
    originalUnitPriceSet: bagField(line, "price", currencies),
    originalTotalSet: moneyBag(null, formatCents(priceCents * quantity), currencies),
    totalDiscountSet: bagField(line, "total_discount", currencies),
    discountAllocations: discountAllocations(line, currencies, order),
    taxLines: taxLines(line, currencies),
  };
}

function shippingLine(line: JsonObject, currencies: Currencies, order: JsonObject): GqlObject {
  return {
    __typename: "ShippingLine",
    id: gid("ShippingLine", getScalarString(line, "id") ?? "0"),
    title: getString(line, "title"),
    code: getString(line, "code"),
    source: getString(line, "source"),
    carrierIdentifier: getString(line, "carrier_identifier"),
    isRemoved: getBoolean(line, "is_removed") ?? false,
    originalPriceSet: bagField(line, "price", currencies),
    discountedPriceSet: bagField(line, "discounted_price", currencies),
    currentDiscountedPriceSet: moneyBag(
      getObject(line, "current_discounted_price_set") ?? getObject(line, "discounted_price_set"),
      getScalarString(line, "discounted_price"),
      currencies,
    ),
    discountAllocations: discountAllocations(line, currencies, order),
    taxLines: taxLines(line, currencies),
  };
}

function refund(source: JsonObject, currencies: Currencies): GqlObject {
  const refunded = getObjects(source, "transactions")
    .filter((t) => getString(t, "kind") === "refund" && getString(t, "status") !== "failure")
    .reduce((sum, t) => sum + toCents(getScalarString(t, "amount")), 0);
  const lines = getObjects(source, "refund_line_items").map((item) => ({
    __typename: "RefundLineItem",
    quantity: getNumber(item, "quantity") ?? 0,
    restockType: (getString(item, "restock_type") ?? "no_restock").toUpperCase(),
    subtotalSet: bagField(item, "subtotal", currencies),
    totalTaxSet: bagField(item, "total_tax", currencies),
    lineItem: {
      __typename: "LineItem",
      id: gid("LineItem", getScalarString(item, "line_item_id") ?? "0"),
    },
  }));
  return {
    __typename: "Refund",
    __interfaces: ["Node"],
    id: resourceGid(source, "Refund"),
    legacyResourceId: getScalarString(source, "id"),
    createdAt: graphqlDateTime(getString(source, "created_at")),
    note: getString(source, "note"),
    totalRefundedSet: moneyBag(null, formatCents(refunded), {
      shop: currencies.presentment,
      presentment: currencies.presentment,
    }),
    refundLineItems: (args) => connection("RefundLineItemConnection", lines, args),
  };
}

const FULFILLMENT_STATUS: Record<string, string> = {
  fulfilled: "FULFILLED",
  partial: "PARTIALLY_FULFILLED",
  restocked: "RESTOCKED",
  unfulfilled: "UNFULFILLED",
};

/** The REST order as a GraphQL `Order` object. */
export function restOrderToGraphql(order: JsonObject): GqlObject {
  const shopCurrency = getString(order, "currency") ?? "USD";
  const currencies: Currencies = {
    shop: shopCurrency,
    presentment: getString(order, "presentment_currency") ?? shopCurrency,
  };
  const customer = getObject(order, "customer");
  const lineItems = getObjects(order, "line_items").map((line) =>
    lineItem(line, currencies, order),
  );
  const shippingLines = getObjects(order, "shipping_lines");
  const financialStatus = getString(order, "financial_status");
  const fulfillmentStatus = getString(order, "fulfillment_status");
  const cancelReason = getString(order, "cancel_reason");
  const refunds = getObjects(order, "refunds").map((r) => refund(r, currencies));
  const totalRefundedCents = getObjects(order, "refunds")
    .flatMap((r) => getObjects(r, "transactions"))
    .filter((t) => getString(t, "kind") === "refund" && getString(t, "status") !== "failure")
    .reduce((sum, t) => sum + toCents(getScalarString(t, "amount")), 0);
  const tags = (getString(order, "tags") ?? "")
    .split(",")
    .map((tag) => tag.trim())
    .filter(Boolean);

  return {
    __typename: "Order",
    __interfaces: ["Node"],
    id: resourceGid(order, "Order"),
    legacyResourceId: getScalarString(order, "id"),
    name: getString(order, "name"),
    email: getString(order, "email"),
    phone: getString(order, "phone"),
    note: getString(order, "note"),
    test: getBoolean(order, "test") ?? false,
    tags,
    confirmationNumber: getString(order, "confirmation_number"),
    createdAt: graphqlDateTime(getString(order, "created_at")),
    updatedAt: graphqlDateTime(getString(order, "updated_at")),
    processedAt: graphqlDateTime(getString(order, "processed_at")),
    cancelledAt: graphqlDateTime(getString(order, "cancelled_at")),
    cancelReason: cancelReason ? cancelReason.toUpperCase() : null,
    closedAt: graphqlDateTime(getString(order, "closed_at")),
    closed: getString(order, "closed_at") !== null,
    customerLocale: getString(order, "customer_locale"),
    currencyCode: currencies.shop,
    presentmentCurrencyCode: currencies.presentment,
    taxesIncluded: getBoolean(order, "taxes_included") ?? false,
    displayFinancialStatus: financialStatus ? financialStatus.toUpperCase() : null,
    displayFulfillmentStatus: fulfillmentStatus
      ? (FULFILLMENT_STATUS[fulfillmentStatus] ?? fulfillmentStatus.toUpperCase())
      : "UNFULFILLED",
    paymentGatewayNames: getArray(order, "payment_gateway_names").filter(
      (name): name is string => typeof name === "string",
    ),
    sourceName: getString(order, "source_name"),
    customAttributes: attributes(order, "note_attributes"),
    customer: customer
      ? {
          __typename: "Customer",
          __interfaces: ["Node"],
          id: resourceGid(customer, "Customer"),
          legacyResourceId: getScalarString(customer, "id"),
          email: getString(customer, "email"),
          firstName: getString(customer, "first_name"),
          lastName: getString(customer, "last_name"),
          phone: getString(customer, "phone"),
          displayName:
            [getString(customer, "first_name"), getString(customer, "last_name")]
              .filter(Boolean)
              .join(" ") ||
            getString(customer, "email") ||
            "",
        }
      : null,
    billingAddress: address(getObject(order, "billing_address")),
    shippingAddress: address(getObject(order, "shipping_address")),
    totalPriceSet: bagField(order, "total_price", currencies),
    subtotalPriceSet: bagField(order, "subtotal_price", currencies),
    totalTaxSet: bagField(order, "total_tax", currencies),
    totalDiscountsSet: bagField(order, "total_discounts", currencies),
    totalShippingPriceSet: bagField(order, "total_shipping_price", currencies),
    totalTipReceivedSet: bagField(order, "total_tip_received", currencies),
    totalOutstandingSet: bagField(order, "total_outstanding", currencies),
    totalRefundedSet: moneyBag(null, formatCents(totalRefundedCents), currencies),
    currentTotalPriceSet: currentBag(order, "total_price", currencies),
    currentSubtotalPriceSet: currentBag(order, "subtotal_price", currencies),
    currentTotalTaxSet: currentBag(order, "total_tax", currencies),
    currentTotalDiscountsSet: currentBag(order, "total_discounts", currencies),
    taxLines: taxLines(order, currencies),
    discountCodes: getObjects(order, "discount_codes")
      .map((code) => getString(code, "code"))
      .filter((code): code is string => code !== null),
    lineItems: (args) => connection("LineItemConnection", lineItems, args),
    shippingLines: (args) =>
      connection(
        "ShippingLineConnection",
        shippingLines
          .filter(
            (line) => args.includeRemovals === true || getBoolean(line, "is_removed") !== true,
          )
          .map((line) => shippingLine(line, currencies, order)),
        args,
      ),
    refunds: (args) => (typeof args.first === "number" ? refunds.slice(0, args.first) : refunds),
    fulfillments: (args) => {
      const all = getObjects(order, "fulfillments").map((fulfillment): GqlObject => ({
        __typename: "Fulfillment",
        __interfaces: ["Node"],
        id: resourceGid(fulfillment, "Fulfillment"),
        createdAt: graphqlDateTime(getString(fulfillment, "created_at")),
        status: (getString(fulfillment, "status") ?? "success").toUpperCase(),
      }));
      return typeof args.first === "number" ? all.slice(0, args.first) : all;
    },
  };
}

/** `current_*` value, falling back to the original when the payload predates current_* fields. */
function currentBag(order: JsonObject, key: string, currencies: Currencies): GqlObject {
  const currentSet = getObject(order, `current_${key}_set`);
  const currentScalar = getScalarString(order, `current_${key}`);
  if (currentSet || currentScalar !== null) return moneyBag(currentSet, currentScalar, currencies);
  return bagField(order, key, currencies);
}
