import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveConfig } from "./config";
import type { JsonObject } from "./json";
import { applyRefund, buildRefund } from "./refund-builder";
import { createState } from "./state";
import { REPO_SHOPIFY_FIXTURES } from "./test-support";

const FIXTURES = REPO_SHOPIFY_FIXTURES;
const load = (dir: string, name: string) =>
  JSON.parse(readFileSync(path.join(FIXTURES, dir, name), "utf8")) as JsonObject;

const config = resolveConfig({ now: () => new Date("2026-03-01T10:00:00Z") });

type Refund = {
  refund_line_items: Array<{
    quantity: number;
    subtotal: number;
    subtotal_set: { shop_money: { amount: string }; presentment_money: { amount: string } };
    total_tax_set: { shop_money: { amount: string } };
  }>;
  refund_shipping_lines: Array<{ subtotal_amount_set: { shop_money: { amount: string } } }>;
  order_adjustments: Array<{ kind: string; amount: string }>;
  transactions: Array<{ kind: string; amount: string; currency: string }>;
};

describe("buildRefund", () => {
  it("reproduces Shopify's real refund of one of two units (Ontario HST 13 %)", () => {
    const order = load("orders", "testshop-usd-ontario-hst13-before-refund.json");
    const real = load(
      "refunds",
      "testshop-usd-ontario-hst13-refund-one-unit.json",
    ) as unknown as Refund;
    const lineItemId = (order.line_items as JsonObject[])[0]!.id as number;
    const refund = buildRefund(createState(), config, order, {
      lineItems: [{ lineItemId, quantity: 1 }],
    }) as unknown as Refund;
    const [line] = refund.refund_line_items;
    expect(line?.subtotal_set.shop_money.amount).toBe(
      real.refund_line_items[0]?.subtotal_set.shop_money.amount,
    );
    expect(line?.total_tax_set.shop_money.amount).toBe("25.87");
    expect(refund.transactions[0]).toMatchObject({
      kind: "refund",
      amount: "224.87",
      currency: "USD",
    });
  });

  it("gives the last unit the remainder and marks the order refunded when everything is back", () => {
    const order = load("orders", "eu-be-mixed-6-21-unpaid-nl.json");
    order.financial_status = "paid";
    const state = createState();
    const frother = (order.line_items as JsonObject[])[1]!;
    const book = (order.line_items as JsonObject[])[0]!;
    // 3 × 19.99 − 6.00 = 53.97 (tax 9.37): 17.99 + 17.99 + 17.99, tax 3.12 + 3.12 + 3.13.
    const taxes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const refund = buildRefund(state, config, order, {
        lineItems: [{ lineItemId: frother.id as number, quantity: 1 }],
      });
      applyRefund(config, order, refund);
      taxes.push(
        (refund as unknown as Refund).refund_line_items[0]!.total_tax_set.shop_money.amount,
      );
    }
    expect(taxes).toEqual(["3.12", "3.12", "3.13"]);
    expect(frother.current_quantity).toBe(0);
    expect(() =>
      buildRefund(state, config, order, {
        lineItems: [{ lineItemId: frother.id as number, quantity: 1 }],
      }),
    ).toThrow(/quantity/);
    expect(order.financial_status).toBe("partially_refunded");

    const restJson = buildRefund(state, config, order, {
      lineItems: [{ lineItemId: book.id as number, quantity: 1 }],
      shipping: true,
    });
    const rest = restJson as unknown as Refund;
    expect(rest.refund_shipping_lines[0]?.subtotal_amount_set.shop_money.amount).toBe("4.95");
    expect(rest.order_adjustments.map((a) => [a.kind, a.amount])).toEqual([
      ["shipping_refund", "-4.95"],
    ]);
    applyRefund(config, order, restJson);
    expect(order.financial_status).toBe("refunded");
    expect(order.current_total_price).toBe("0.00");
    expect(order.current_total_tax).toBe("0.00");
  });

  it("refuses to refund an unpaid order", () => {
    const order = load("orders", "eu-be-mixed-6-21-unpaid-nl.json");
    expect(() => buildRefund(createState(), config, order, {})).toThrow(/pending/);
  });
});
