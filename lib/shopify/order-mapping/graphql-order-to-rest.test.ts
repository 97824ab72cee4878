import { describe, expect, it } from "vitest";
import { readJson } from "./fixtures.test-support";
import {
  graphqlOrderToRest,
  type GraphqlMoneyBag,
  type GraphqlOrderNode,
} from "./graphql-order-to-rest";
import { mapOrderToDocument } from "./map-order-to-document";
import { compareWithShopify, computeMappedTotals } from "./order-totals";
import { parseShopifyOrder } from "./parse-order";

const bag = (
  amount: string,
  currencyCode = "EUR",
  presentment = amount,
  presentmentCode = currencyCode,
): GraphqlMoneyBag => ({
  shopMoney: { amount, currencyCode },
  presentmentMoney: { amount: presentment, currencyCode: presentmentCode },
});
const btw = (rate: number, amount: string) => ({
  title: "BE BTW",
  rate,
  ratePercentage: rate * 100,
  channelLiable: false,
  priceSet: bag(amount),
});
const ADDRESS = {
  firstName: "Pieter",
  lastName: "Verstraete",
  name: "Pieter Verstraete",
  company: null,
  address1: "Sint-Pietersnieuwstraat 41",
  address2: "bus 3",
  city: "Gent",
  zip: "9000",
  province: null,
  provinceCode: null,
  country: "Belgium",
  countryCodeV2: "BE",
  phone: "+32 486 55 12 07",
};

/**
 * Order #1042 (orders/eu-be-mixed-6-21-unpaid-nl.json) as ORDERS_QUERY returns it,
 * written by hand from Shopify's GraphQL field names. GraphQL decimals drop trailing
 * zeros ("0.0"), which the parser must accept.
 */
const ORDER_1042: GraphqlOrderNode = {
  id: "gid://shopify/Order/6190371946013",
  legacyResourceId: "6190371946013",
  name: "#1042",
  email: "pieter.verstraete@example.com",
  phone: null,
  note: null,
  test: false,
  createdAt: "2026-03-03T08:41:12Z",
  updatedAt: "2026-03-03T09:41:14+01:00",
  processedAt: "2026-03-03T08:41:11Z",
  cancelledAt: null,
  cancelReason: null,
  closedAt: null,
  customerLocale: "nl-BE",
  currencyCode: "EUR",
  presentmentCurrencyCode: "EUR",
  taxesIncluded: true,
  displayFinancialStatus: "PENDING",
  displayFulfillmentStatus: "UNFULFILLED",
  paymentGatewayNames: ["Bank Deposit"],
  sourceName: "web",
  customAttributes: [],
  customer: {
    id: "gid://shopify/Customer/7687791823494",
    legacyResourceId: "7687791823494",
    email: "pieter.verstraete@example.com",
    firstName: "Pieter",
    lastName: "Verstraete",
    phone: "+32486551207",
  },
  billingAddress: ADDRESS,
  shippingAddress: ADDRESS,
  totalPriceSet: bag("90.37"),
  subtotalPriceSet: bag("85.42"),
  totalTaxSet: bag("12.01"),
  totalDiscountsSet: bag("9.5"),
  totalShippingPriceSet: bag("4.95"),
  totalTipReceivedSet: bag("0.0"),
  currentTotalPriceSet: bag("90.37"),
  taxLines: [btw(0.06, "1.78"), btw(0.21, "10.23")],
  discountCodes: ["WELKOM10"],
  lineItems: {
    nodes: [
      {
        id: "gid://shopify/LineItem/1769667944830",
        title: "Van Leie tot Schelde — een Gents kookboek",
        variantTitle: "Hardcover",
        name: "Van Leie tot Schelde — een Gents kookboek - Hardcover",
        sku: "UST-9789083311201",
        vendor: "Uitgeverij Scheldeboek",
        quantity: 1,
        currentQuantity: 1,
        taxable: true,
        requiresShipping: true,
        isGiftCard: false,
        product: { id: "gid://shopify/Product/8010555552235" },
        variant: { id: "gid://shopify/ProductVariant/4096306617386" },
        originalUnitPriceSet: bag("34.95"),
        totalDiscountSet: bag("3.5"),
        discountAllocations: [
          {
            allocatedAmountSet: bag("3.5"),
            // WELKOM10: Shopify's PricingPercentageValue says 10.0.
            discountApplication: { index: 0, value: { percentage: 10 } },
          },
        ],
        taxLines: [btw(0.06, "1.78")],
      },
      {
        id: "gid://shopify/LineItem/1769667977598",
        title: "Melkopschuimer Barista Mini",
        variantTitle: "Zwart",
        name: "Melkopschuimer Barista Mini - Zwart",
        sku: "BAR-MINI-ZW",
        vendor: "Barista & Co",
        quantity: 3,
        currentQuantity: 3,
        taxable: true,
        requiresShipping: true,
        isGiftCard: false,
        product: { id: "gid://shopify/Product/8143485298734" },
        variant: { id: "gid://shopify/ProductVariant/4346691388234" },
        originalUnitPriceSet: bag("19.99"),
        totalDiscountSet: bag("6.0"),
        discountAllocations: [
          {
            allocatedAmountSet: bag("6.0"),
            // WELKOM10: Shopify's PricingPercentageValue says 10.0.
            discountApplication: { index: 0, value: { percentage: 10 } },
          },
        ],
        taxLines: [btw(0.21, "9.37")],
      },
    ],
  },
  shippingLines: {
    nodes: [
      {
        id: "gid://shopify/ShippingLine/5398073578047",
        title: "bpost — Thuislevering",
        code: "bpost-thuis",
        source: "shopify",
        originalPriceSet: bag("4.95"),
        discountedPriceSet: bag("4.95"),
        discountAllocations: [],
        taxLines: [btw(0.21, "0.86")],
      },
    ],
  },
};

const OPTIONS = { documentType: "invoice", sellerCountry: "BE" } as const;

function mapJson(json: unknown) {
  const parsed = parseShopifyOrder(json);
  if (!parsed.ok) throw parsed.error;
  return { order: parsed.value, document: mapOrderToDocument(parsed.value, OPTIONS) };
}

describe("graphqlOrderToRest", () => {
  it("gives the same document as the webhook payload of the same order", () => {
    const fromWebhook = mapJson(readJson("orders/eu-be-mixed-6-21-unpaid-nl.json"));
    const fromGraphql = mapJson(graphqlOrderToRest(ORDER_1042));
    expect(fromGraphql.document).toEqual(fromWebhook.document);
    const totals = computeMappedTotals(fromGraphql.document);
    expect(totals.grossCents).toBe(9037);
    expect(compareWithShopify(fromGraphql.order, fromGraphql.document, totals).ok).toBe(true);
  });

  it("uses REST's names and values", () => {
    const rest = graphqlOrderToRest(ORDER_1042);
    expect(rest).toMatchObject({
      id: "6190371946013",
      admin_graphql_api_id: "gid://shopify/Order/6190371946013",
      financial_status: "pending",
      fulfillment_status: null,
      currency: "EUR",
      total_price: "90.37",
      discount_codes: [{ code: "WELKOM10" }],
      customer: { id: "7687791823494", first_name: "Pieter" },
      billing_address: { country_code: "BE", first_name: "Pieter" },
    });
    const [first] = rest.line_items as Record<string, unknown>[];
    expect(first).toMatchObject({
      id: "1769667944830",
      product_id: "8010555552235",
      variant_id: "4096306617386",
      product_exists: true,
      price: "34.95",
      discount_allocations: [{ amount: "3.5" }],
      tax_lines: [{ rate: 0.06, price: "1.78" }],
    });
  });

  it("keeps the presentment side and the tip of a multi-currency order", () => {
    const usd = (aud: string, amount: string) => bag(aud, "AUD", amount, "USD");
    const node: GraphqlOrderNode = {
      id: "gid://shopify/Order/2998548365461",
      legacyResourceId: "2998548365461",
      currencyCode: "AUD",
      presentmentCurrencyCode: "USD",
      taxesIncluded: false,
      displayFinancialStatus: "PARTIALLY_REFUNDED",
      displayFulfillmentStatus: "PARTIALLY_FULFILLED",
      totalPriceSet: usd("66.33", "50.41"),
      totalTaxSet: usd("4.56", "3.47"),
      totalTipReceivedSet: usd("6.00", "4.56"),
      // A tax line with only ratePercentage: the rate is derived as text, not by float division.
      taxLines: [{ title: "GST", ratePercentage: 10, priceSet: usd("4.56", "3.47") }],
      lineItems: {
        nodes: [
          {
            id: "gid://shopify/LineItem/1",
            title: "Classic Fountain Pen",
            quantity: 1,
            requiresShipping: true,
            product: { id: "gid://shopify/Product/9" },
            variant: { id: "gid://shopify/ProductVariant/8" },
            originalUnitPriceSet: usd("45.62", "34.67"),
            discountAllocations: [],
            taxLines: [{ title: "GST", ratePercentage: 10, priceSet: usd("4.56", "3.47") }],
          },
          {
            id: "gid://shopify/LineItem/2",
            title: "Tip",
            quantity: 1,
            requiresShipping: false,
            taxable: false,
            product: null,
            variant: null,
            originalUnitPriceSet: usd("6.00", "4.56"),
            taxLines: [],
          },
        ],
      },
      shippingLines: {
        nodes: [
          {
            id: "gid://shopify/ShippingLine/3",
            title: "Standard",
            originalPriceSet: usd("10.15", "7.71"),
            discountedPriceSet: usd("10.15", "7.71"),
          },
        ],
      },
    };
    const { order, document } = mapJson(graphqlOrderToRest(node));
    expect(order).toMatchObject({
      financialStatus: "partially_refunded",
      fulfillmentStatus: "partial",
    });
    expect(order.totals.totalTipCents).toBe(456);
    expect(document.lines.map((l) => [l.kind, l.amountCents, l.taxCents, l.vatRateBp])).toEqual([
      ["product", 3467, 347, 1000],
      ["tip", 456, 0, 0],
      ["shipping", 771, 0, 0],
    ]);
    expect(document.paid).toBe(true);
    const totals = computeMappedTotals(document);
    expect(totals.grossCents).toBe(5041);
    expect(compareWithShopify(order, document, totals).ok).toBe(true);
  });

  it("leaves judging an incomplete node to the parser", () => {
    const parsed = parseShopifyOrder(graphqlOrderToRest({ id: "gid://shopify/Order/5" }));
    expect(parsed.ok ? null : parsed.error.code).toBe("not_an_order");
    const noCurrency = parseShopifyOrder(
      graphqlOrderToRest({ id: "gid://shopify/Order/5", lineItems: { nodes: [] } }),
    );
    expect(noCurrency.ok ? null : noCurrency.error.issues).toEqual([
      { path: "currency", message: "is missing" },
    ]);
  });
});
