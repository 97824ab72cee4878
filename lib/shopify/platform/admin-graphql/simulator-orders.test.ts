import { readFileSync } from "node:fs";
import path from "node:path";
import { answerOrdersQuery, type JsonObject } from "@facturo/shopify-simulator";
import { describe, expect, it } from "vitest";
import {
  graphqlOrderToRest,
  mapOrderToDocument,
  parseShopifyOrder,
  type GraphqlOrderNode,
} from "@/lib/shopify/order-mapping";
import { fixtureFiles, SHOPIFY_ORDER_FIXTURES } from "@/test/fixtures";
import { ORDERS_QUERY } from "./queries";

/**
 * Every order fixture, converted by the Shopify simulator (packages/shopify-simulator) as
 * its GraphQL endpoint converts stored orders, answers every field of the app's real
 * ORDERS_QUERY in Shopify's shape.
 */

function fixture(name: string): JsonObject {
  return JSON.parse(readFileSync(path.join(SHOPIFY_ORDER_FIXTURES, name), "utf8")) as JsonObject;
}

/** Order payloads (as the manifest lists them), not the `*.expected.json` values next to them. */
function orderFixtureNames(): string[] {
  return fixtureFiles("shopify/orders").filter(
    (name) => name.endsWith(".json") && !name.endsWith(".expected.json"),
  );
}

/** Runs the app's real ORDERS_QUERY over converted orders, as the endpoint does. */
function runOrdersQuery(orders: JsonObject[]) {
  return answerOrdersQuery(ORDERS_QUERY, orders, { first: 10 });
}

type Money = {
  shopMoney: { amount: string; currencyCode: string };
  presentmentMoney: { amount: string; currencyCode: string };
};
interface OrderNode {
  id: string;
  legacyResourceId: string;
  displayFinancialStatus: string;
  createdAt: string;
  totalPriceSet: Money;
  totalTaxSet: Money;
  customAttributes: Array<{ key: string; value: string }>;
  discountCodes: string[];
  billingAddress: { countryCodeV2: string; company: string | null };
  taxLines: Array<{ rate: number; ratePercentage: number; priceSet: Money }>;
  lineItems: {
    nodes: Array<{
      quantity: number;
      originalUnitPriceSet: Money;
      discountAllocations: Array<{ allocatedAmountSet: Money }>;
      taxLines: Array<{ rate: number; ratePercentage: number; priceSet: Money }>;
      product: { id: string } | null;
    }>;
  };
  shippingLines: { nodes: Array<{ originalPriceSet: Money; discountedPriceSet: Money }> };
}

function ordersOf(result: ReturnType<typeof runOrdersQuery>): OrderNode[] {
  expect(result.errors).toBeUndefined();
  return (result.data as unknown as { orders: { nodes: OrderNode[] } }).orders.nodes;
}

describe("restOrderToGraphql through ORDERS_QUERY", () => {
  it("answers every field of ORDERS_QUERY for every order fixture", () => {
    const names = orderFixtureNames();
    expect(names.length).toBeGreaterThanOrEqual(10);
    const nodes = ordersOf(runOrdersQuery(names.map(fixture)));
    expect(nodes).toHaveLength(names.length);
  });

  it("converts the BE B2C paid order (amounts as Decimal strings, ids, statuses)", () => {
    const [order] = ordersOf(runOrdersQuery([fixture("eu-be-b2c-21-paid-fr.json")]));
    expect(order).toMatchObject({
      id: "gid://shopify/Order/6899289041633",
      legacyResourceId: "6899289041633",
      displayFinancialStatus: "PAID",
      createdAt: "2026-02-12T13:23:51Z",
      totalPriceSet: {
        shopMoney: { amount: "89.35", currencyCode: "EUR" },
        presentmentMoney: { amount: "89.35", currencyCode: "EUR" },
      },
      // Shopify's Decimal drops trailing zeros: "15.51" stays, "82.40" would be "82.4".
      totalTaxSet: { shopMoney: { amount: "15.51" } },
      billingAddress: { countryCodeV2: "BE" },
      discountCodes: [],
      taxLines: [{ rate: 0.21, ratePercentage: 21 }],
    });
    expect(order?.lineItems.nodes).toHaveLength(2);
    expect(order?.lineItems.nodes[0]).toMatchObject({
      quantity: 2,
      originalUnitPriceSet: { shopMoney: { amount: "24.95" } },
      taxLines: [{ rate: 0.21, ratePercentage: 21, priceSet: { shopMoney: { amount: "8.66" } } }],
      product: { id: "gid://shopify/Product/8008482689669" },
    });
    expect(order?.shippingLines.nodes).toHaveLength(1);
    expect(order?.shippingLines.nodes[0]?.discountedPriceSet.shopMoney.amount).toBe("6.95");
    const amounts = JSON.stringify(order).match(/"amount":[^,}]*/g) ?? [];
    expect(amounts.length).toBeGreaterThan(10);
    for (const amount of amounts) expect(amount).toMatch(/^"amount":"-?\d+\.\d+"$/);
  });

  it("converts discounts and note attributes (mixed-rate NL order, B2B order)", () => {
    const [mixed, b2b] = ordersOf(
      runOrdersQuery([
        fixture("eu-be-mixed-6-21-unpaid-nl.json"),
        fixture("eu-be-b2b-vat-number-en.json"),
      ]),
    );
    expect(mixed?.displayFinancialStatus).toBe("PENDING");
    expect(mixed?.discountCodes).toEqual(["WELKOM10"]);
    expect(mixed?.totalPriceSet.shopMoney.amount).toBe("90.37");
    expect(
      mixed?.lineItems.nodes.map(
        (l) => l.discountAllocations[0]?.allocatedAmountSet.shopMoney.amount,
      ),
    ).toEqual(["3.5", "6.0"]);
    expect(mixed?.lineItems.nodes.map((l) => l.taxLines[0]?.ratePercentage)).toEqual([6, 21]);
    expect(mixed?.lineItems.nodes.map((l) => l.quantity)).toEqual([1, 3]);

    expect(b2b?.customAttributes).toEqual([
      { key: "vat_number", value: "BE0403170701" },
      { key: "po_reference", value: "PO-2026-0117" },
    ]);
    expect(b2b?.lineItems.nodes).toHaveLength(2);
    expect(b2b?.totalPriceSet.presentmentMoney.amount).toBe("274.95");
  });

  it("keeps shop and presentment money apart (AUD shop, USD customer)", () => {
    const [order] = ordersOf(runOrdersQuery([fixture("testshop-aud-gst10-presentment-usd.json")]));
    expect(order?.totalPriceSet).toEqual({
      shopMoney: { amount: "60.33", currencyCode: "AUD" },
      presentmentMoney: { amount: "45.85", currencyCode: "USD" },
    });
  });

  it("carries the shipments and what is still owed, so an imported order keeps its dates and payments", () => {
    const result = runOrdersQuery([
      fixture("eu-returning-nl-company-k-en.json"),
      fixture("eu-be-b2b-partially-paid-nl.json"),
    ]);
    expect(result.errors).toBeUndefined();
    const nodes = (result.data as unknown as { orders: { nodes: GraphqlOrderNode[] } }).orders
      .nodes;
    const [shipped, partly] = nodes.map((node) => {
      const parsed = parseShopifyOrder(graphqlOrderToRest(node));
      if (!parsed.ok) throw parsed.error;
      return mapOrderToDocument(parsed.value, { documentType: "invoice", sellerCountry: "BE" });
    });
    expect(shipped?.dates).toMatchObject({ deliveryDate: "2026-09-10", supplyDate: "2026-09-10" });
    expect(partly?.receivedCents).toBe(10000);
  });
});
