import { describe, expect, it } from "vitest";
import { ShopifyPayloadError } from "./errors";
import { orderFixtures, readJson } from "./fixtures.test-support";
import { parseShopifyOrder } from "./parse-order";

/** Smallest order the parser accepts; tests change one thing at a time. */
const order = (overrides: Record<string, unknown> = {}, line: Record<string, unknown> = {}) => ({
  id: 1001,
  currency: "EUR",
  taxes_included: true,
  line_items: [
    {
      title: "Mug",
      quantity: 1,
      price: "10.00",
      tax_lines: [{ title: "BE BTW", rate: 0.21, price: "1.74" }],
      ...line,
    },
  ],
  ...overrides,
});

function failure(json: unknown): ShopifyPayloadError {
  const result = parseShopifyOrder(json);
  if (result.ok) throw new Error("expected a parse failure");
  expect(result.error).toBeInstanceOf(ShopifyPayloadError);
  return result.error;
}

describe("parseShopifyOrder", () => {
  it.each(orderFixtures())("accepts fixture %s, ids as strings", (file) => {
    const json = readJson(`orders/${file}`) as { id: number };
    const result = parseShopifyOrder(json);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.id).toBe(String(json.id));
      expect(result.value.lineItems.every((l) => l.id === null || /^\d+$/.test(l.id))).toBe(true);
    }
  });

  it("reads the presentment side, not the shop side", () => {
    const result = parseShopifyOrder(readJson("orders/testshop-aud-gst10-presentment-usd.json"));
    if (!result.ok) throw result.error;
    expect(result.value.presentmentCurrency).toBe("USD");
    expect(result.value.shopCurrency).toBe("AUD");
    expect(result.value.lineItems[0]).toMatchObject({ priceCents: 3467 });
    expect(result.value.shippingLines?.[0]).toMatchObject({ priceCents: 771 });
    expect(result.value.totals).toMatchObject({ totalPriceCents: 4585, totalTaxCents: 347 });
    // total_tip_received is shop money only: unknown on the presentment side.
    expect(result.value.totals.totalTipCents).toBeNull();
  });

  it("falls back to the plain string fields when a single-currency payload has no _set", () => {
    const result = parseShopifyOrder(order({ total_price: "10.00" }));
    if (!result.ok) throw result.error;
    expect(result.value.lineItems[0]).toMatchObject({
      priceCents: 1000,
      taxLines: [{ cents: 174, rateBp: 2100 }],
    });
    expect(result.value.totals.totalPriceCents).toBe(1000);
    expect(result.value.shippingLines).toBeNull(); // key absent, not "no shipping"
  });

  it("keeps 18-digit ids exact: the GID wins over a rounded JSON number", () => {
    const result = parseShopifyOrder(
      order({
        id: 820982911946154500,
        admin_graphql_api_id: "gid://shopify/Order/820982911946154508",
      }),
    );
    if (!result.ok) throw result.error;
    expect(result.value.id).toBe("820982911946154508");
    const asString = parseShopifyOrder(order({ id: "820982911946154508" }));
    expect(asString.ok && asString.value.id).toBe("820982911946154508");
    expect(asString.ok && asString.value.gid).toBe("gid://shopify/Order/820982911946154508");
  });

  it("reads JSON-number amounts as their decimal text", () => {
    const result = parseShopifyOrder(order({}, { price: 24.95 }));
    expect(result.ok && result.value.lineItems[0]?.priceCents).toBe(2495);
  });

  it.each([
    ["a number", 42, "not_an_object"],
    ["a string", '{"id":1}', "not_an_object"],
    ["null", null, "not_an_object"],
    ["an array", [order()], "not_an_object"],
  ] as const)("refuses %s", (_name, json, code) => {
    expect(failure(json).code).toBe(code);
  });

  it("refuses objects that are not orders, naming what is missing", () => {
    const empty = failure({});
    expect(empty.code).toBe("not_an_order");
    expect(empty.message).toBe("Not a Shopify order: no id and no line_items");
    expect(failure({ id: 1, line_items: "none" }).issues).toEqual([
      { path: "line_items", message: "is missing" },
    ]);
    expect(failure({ line_items: [] }).code).toBe("not_an_order");
  });

  it.each([
    ["12.345", "has more than 2 decimals"],
    ["abc", "is not a decimal number"],
    ["1e3", "is not a decimal number"],
    ["", "is not a decimal number"],
  ])("refuses the amount %j with a typed error and its path", (price, message) => {
    const error = failure(order({}, { price }));
    expect(error.code).toBe("invalid_amount");
    expect(error.issues[0]?.path).toBe("line_items.0.price");
    expect(error.issues[0]?.message).toContain(message);
    expect(error.message).toContain("line_items.0.price");
  });

  it("names the presentment path of a bad amount inside a _set", () => {
    const price_set = { presentment_money: { amount: "9.999", currency_code: "EUR" } };
    const error = failure(order({}, { price_set }));
    expect(error.issues[0]?.path).toBe("line_items.0.price_set.presentment_money.amount");
  });

  it("collects every bad amount, not only the first", () => {
    const error = failure(
      order({ total_price: "x" }, { price: "1.001", tax_lines: [{ rate: "abc", price: "y" }] }),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      "total_price",
      "line_items.0.price",
      "line_items.0.tax_lines.0.price",
      "line_items.0.tax_lines.0.rate",
    ]);
  });

  it("refuses a price that is missing altogether", () => {
    const error = failure(order({}, { price: undefined }));
    expect(error.issues).toEqual([{ path: "line_items.0.price", message: "is missing" }]);
  });

  it("refuses wrong types with zod's path", () => {
    const error = failure(order({}, { quantity: "2" }));
    expect(error.code).toBe("invalid_payload");
    expect(error.issues[0]?.path).toBe("line_items.0.quantity");
  });

  it("refuses currencies that do not have two decimals", () => {
    const error = failure(order({ currency: "JPY" }));
    expect(error.code).toBe("unsupported_currency");
  });

  it("never passes shop money off as presentment money", () => {
    const error = failure(order({ currency: "AUD", presentment_currency: "USD" }));
    expect(error.code).toBe("invalid_amount");
    expect(error.issues[0]?.message).toContain("has no presentment_money");
    const wrongSide = { presentment_money: { amount: "10.00", currency_code: "AUD" } };
    expect(
      failure(order({ presentment_currency: "EUR" }, { price_set: wrongSide })).issues[0]?.message,
    ).toBe("is AUD, the order is presented in EUR");
  });

  it("tolerates extra keys and nulls", () => {
    const result = parseShopifyOrder(
      order({ customer: null, billing_address: null, unknown: { deep: [1] }, tax_lines: null }),
    );
    expect(result.ok).toBe(true);
  });
});
