import { describe, expect, it } from "vitest";
import { readJson, refundFixtures } from "./fixtures.test-support";
import { mapRefundToCreditNote } from "./map-refund-to-credit-note";
import type { MappedCreditNote } from "./mapped-types";
import { computeMappedTotals } from "./order-totals";
import type { ShopifyOrder } from "./order-types";
import { parseShopifyOrder } from "./parse-order";
import { parseShopifyRefund } from "./parse-refund";

const DOCS_ORDER = "docs-order-1001-discount-code-tax-lines-refund.json";
/** Which order each refund fixture belongs to (same order_id). */
const ORDER_OF: Record<string, string> = {
  "testshop-usd-ontario-hst13-refund-one-unit.json":
    "testshop-usd-ontario-hst13-partial-refund.json",
  "docs-refund-shipping-order-adjustment.json": DOCS_ORDER,
  "docs-refund-line-item-no-restock.json": DOCS_ORDER,
  "docs-refund-two-line-items-transaction.json": DOCS_ORDER,
};

function order(file: string): ShopifyOrder {
  const parsed = parseShopifyOrder(readJson(`orders/${file}`));
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

function creditNote(refundJson: unknown, orderFile: string): MappedCreditNote {
  const original = order(orderFile);
  const refund = parseShopifyRefund(refundJson, original);
  if (!refund.ok) throw refund.error;
  return mapRefundToCreditNote(refund.value, original, { sellerCountry: "BE" });
}

const fixture = (file: string) => creditNote(readJson(`refunds/${file}`), ORDER_OF[file] ?? "");

const facts = (note: MappedCreditNote) =>
  note.lines.map((l) => ({
    kind: l.kind,
    description: l.description,
    quantity: l.quantity,
    amount: l.amountCents,
    tax: l.taxCents,
    gross: l.grossCents,
    vat: `${l.vatCategory}:${l.vatRateBp}`,
    taxSource: l.taxSource,
  }));

describe("refund fixtures", () => {
  it("covers every refund fixture", () => {
    expect(Object.keys(ORDER_OF).sort()).toEqual(refundFixtures());
  });

  it.each(refundFixtures())("%s: Facturo's totals equal the credit note's lines", (file) => {
    const note = fixture(file);
    const totals = computeMappedTotals(note);
    expect(totals.grossCents).toBe(note.creditTotalCents);
    expect(totals.vatCents).toBe(note.lines.reduce((sum, line) => sum + line.taxCents, 0));
    expect(note.idempotencyKey).toMatch(/^gid:\/\/shopify\/Refund\/\d+$/);
  });

  it("Ontario, one of two units: 199.00 + 25.87 HST = 224.87, what was refunded", () => {
    const note = fixture("testshop-usd-ontario-hst13-refund-one-unit.json");
    expect(facts(note)).toEqual([
      {
        kind: "product",
        description: "Axis2 – 162cm",
        quantity: 1,
        amount: 19900,
        tax: 2587,
        gross: 22487,
        vat: "S:1300",
        taxSource: "shopify",
      },
    ]);
    expect(note).toMatchObject({
      documentType: "credit_note",
      currency: "USD",
      priceMode: "excl",
      issueDate: "2018-12-28",
      creditTotalCents: 22487,
      refundedCents: 22487,
      idempotencyKey: "gid://shopify/Refund/19400196152",
      shopify: { refundId: "19400196152", orderId: "762815840312", orderName: "#1029" },
      fixedVat: [{ category: "S", rateBp: 1300, vatCents: 2587 }],
      warnings: [],
    });
    expect(note.restock).toEqual([
      {
        lineItemId: "2435146022968",
        sku: "GD802-025",
        variantId: "8027085573",
        quantity: 1,
        restockType: "cancel",
        restock: true,
        locationId: "21112592",
      },
    ]);
  });

  it("shipping only: refund_shipping_lines and the shipping_refund adjustment are the same 5.00", () => {
    const note = fixture("docs-refund-shipping-order-adjustment.json");
    expect(facts(note)).toEqual([
      {
        kind: "shipping",
        description: "Free Shipping",
        quantity: 1,
        amount: 500,
        tax: 0,
        gross: 500,
        // The invoice's shipping line went to the US: export.
        vat: "G:0",
        taxSource: "shopify",
      },
    ]);
    expect(note).toMatchObject({ creditTotalCents: 500, refundedCents: 500, restock: [] });
    expect(note.warnings).toEqual([]);
  });

  it("money only: a 0.00 line plus one Refund line for the 41.94 paid back, VAT split at the order's rate", () => {
    const note = fixture("docs-refund-line-item-no-restock.json");
    expect(facts(note)).toEqual([
      {
        kind: "product",
        description: "IPod Nano - 8gb – red",
        quantity: 1,
        amount: 0,
        tax: 0,
        gross: 0,
        vat: "S:600",
        taxSource: "shopify",
      },
      {
        kind: "refund",
        description: "Refund – wrong size",
        quantity: 1,
        amount: 3957, // excl. VAT, like the order
        tax: 237, // 39.57 × 6 % = 2.37, and 39.57 + 2.37 = 41.94
        gross: 4194,
        vat: "S:600",
        taxSource: "computed",
      },
    ]);
    expect(note.creditTotalCents).toBe(note.refundedCents);
    expect(note.restock).toEqual([
      expect.objectContaining({
        sku: "IPOD2008RED",
        quantity: 1,
        restockType: "no_restock",
        restock: false,
      }),
    ]);
    expect(note.warnings.map((w) => w.code)).toEqual(["refund_tax_computed"]);
  });

  it("reports a refund whose lines do not add up to the money refunded (docs sample)", () => {
    const note = fixture("docs-refund-two-line-items-transaction.json");
    expect(note.lines.map((l) => [l.amountCents, l.discountCents, l.taxCents])).toEqual([
      [19566, 334, 398],
      [19567, 333, 398],
    ]);
    expect(note.refundedCents).toBe(20900);
    expect(note.warnings).toEqual([
      {
        code: "refund_amount_mismatch",
        message: "Credit note totals 39929 cents, refund transactions 20900",
      },
    ]);
    expect(note.restock.map((r) => [r.sku, r.quantity, r.restock])).toEqual([
      ["IPOD2008BLACK", 1, true],
      ["IPOD2008GREEN", 1, true],
    ]);
  });
});

describe("refunds of a Belgian VAT-inclusive order", () => {
  const ORDER = "eu-be-mixed-6-21-unpaid-nl.json";
  const money = (amount: string) => ({
    shop_money: { amount, currency_code: "EUR" },
    presentment_money: { amount, currency_code: "EUR" },
  });
  const transaction = (amount: string) => ({
    kind: "refund",
    status: "success",
    amount,
    currency: "EUR",
  });

  it("one frother, the shipping and 1.00 extra: amounts gross, VAT from Shopify, extra split", () => {
    const note = creditNote(
      {
        id: 901,
        order_id: 6190371946013,
        processed_at: "2026-03-10T23:15:00+01:00",
        refund_line_items: [
          {
            line_item_id: 1769667977598,
            quantity: 1,
            restock_type: "return",
            subtotal_set: money("17.99"),
            total_tax_set: money("3.12"),
          },
        ],
        refund_shipping_lines: [
          {
            shipping_line_id: 5398073578047,
            subtotal_amount_set: money("4.95"),
            tax_amount_set: money("0.86"),
          },
        ],
        order_adjustments: [
          { kind: "refund_discrepancy", amount_set: money("-1.00"), tax_amount_set: money("0.00") },
        ],
        transactions: [transaction("23.94")],
      },
      ORDER,
    );
    expect(facts(note)).toEqual([
      {
        kind: "product",
        description: "Melkopschuimer Barista Mini – Zwart",
        quantity: 1,
        amount: 1799,
        tax: 312,
        gross: 1799,
        vat: "S:2100",
        taxSource: "shopify",
      },
      {
        kind: "shipping",
        description: "bpost — Thuislevering",
        quantity: 1,
        amount: 495,
        tax: 86,
        gross: 495,
        vat: "S:2100",
        taxSource: "shopify",
      },
      {
        kind: "refund_discrepancy",
        description: "Refund discrepancy",
        quantity: 1,
        amount: 100,
        tax: 17,
        gross: 100,
        vat: "S:2100",
        taxSource: "computed",
      },
    ]);
    // 19.99 × 1 less its share (2.00) of the 10 % code.
    expect(note.lines[0]).toMatchObject({
      unitPriceCents: 1999,
      discountCents: 200,
      sku: "BAR-MINI-ZW",
    });
    expect(note).toMatchObject({
      issueDate: "2026-03-10",
      language: "nl",
      priceMode: "incl",
      creditTotalCents: 2394,
      refundedCents: 2394,
      fixedVat: [{ category: "S", rateBp: 2100, vatCents: 415 }],
    });
    const totals = computeMappedTotals(note);
    expect(totals).toMatchObject({ grossCents: 2394, vatCents: 415, netCents: 1979 });
    expect(note.restock).toEqual([
      expect.objectContaining({ restockType: "return", restock: true }),
    ]);
  });

  it("an older shipping refund given only as an adjustment", () => {
    const note = creditNote(
      {
        id: 902,
        order_id: "6190371946013",
        created_at: "2026-03-12T09:00:00+01:00",
        order_adjustments: [
          {
            kind: "shipping_refund",
            amount: "-4.95",
            tax_amount: "-0.86",
            reason: "Shipping refund",
          },
        ],
        transactions: [transaction("4.95")],
      },
      ORDER,
    );
    expect(facts(note)).toEqual([
      expect.objectContaining({
        kind: "shipping",
        description: "bpost — Thuislevering",
        gross: 495,
        tax: 86,
      }),
    ]);
    expect(note.warnings).toEqual([]);
  });

  it("a money-only refund is shared over the invoice's rates in proportion to them", () => {
    const note = creditNote(
      {
        id: 903,
        order_id: 6190371946013,
        processed_at: "2026-03-12T09:00:00+01:00",
        note: "goodwill",
        transactions: [transaction("10.00")],
      },
      ORDER,
    );
    // Invoice gross: 6 % 31.45, 21 % 53.97 + 4.95 = 58.92 → 3.48 / 6.52 of 10.00.
    expect(facts(note)).toEqual([
      expect.objectContaining({
        description: "Terugbetaling – goodwill",
        gross: 348,
        vat: "S:600",
        tax: 20,
      }),
      expect.objectContaining({
        description: "Terugbetaling – goodwill",
        gross: 652,
        vat: "S:2100",
        tax: 113,
      }),
    ]);
    expect(computeMappedTotals(note).grossCents).toBe(1000);
  });

  it("a partial shipping refund without tax gets the invoice line's tax pro rata, flagged", () => {
    const note = creditNote(
      {
        id: 905,
        order_id: 6190371946013,
        processed_at: "2026-03-12T09:00:00+01:00",
        refund_shipping_lines: [
          { shipping_line_id: 5398073578047, subtotal_amount_set: money("2.00") },
        ],
        transactions: [transaction("2.00")],
      },
      ORDER,
    );
    // 0.86 × 2.00 / 4.95 = 0.347 → 0.35
    expect(facts(note)).toEqual([
      expect.objectContaining({ kind: "shipping", gross: 200, tax: 35, taxSource: "computed" }),
    ]);
    expect(note.warnings.map((w) => w.code)).toEqual(["refund_tax_computed"]);
  });

  it("a discrepancy the customer did not get back is a negative line", () => {
    const note = creditNote(
      {
        id: 906,
        order_id: 6190371946013,
        processed_at: "2026-03-12T09:00:00+01:00",
        refund_line_items: [
          {
            line_item_id: 1769667944830,
            quantity: 1,
            restock_type: "no_restock",
            subtotal_set: money("31.45"),
            total_tax_set: money("1.78"),
          },
        ],
        order_adjustments: [{ kind: "refund_discrepancy", amount: "1.45", tax_amount: "0.00" }],
        transactions: [transaction("30.00")],
      },
      ORDER,
    );
    expect(
      note.lines.map((l) => [
        l.kind,
        l.quantity,
        l.unitPriceCents,
        l.amountCents,
        l.taxCents,
        l.vatRateBp,
      ]),
    ).toEqual([
      ["product", 1, 3495, 3145, 178, 600],
      ["refund_discrepancy", -1, 145, -145, -8, 600], // 1.37 + 0.08 at 6 %
    ]);
    expect(note).toMatchObject({ creditTotalCents: 3000, refundedCents: 3000 });
    expect(note.warnings.map((w) => w.code)).toEqual(["refund_tax_computed"]);
    expect(note.restock).toEqual([
      expect.objectContaining({ sku: "UST-9789083311201", restock: false }),
    ]);
    expect(computeMappedTotals(note)).toMatchObject({ grossCents: 3000, vatCents: 170 });
  });

  it("refuses a refund of another order", () => {
    expect(() => creditNote({ id: 904, order_id: 1 }, ORDER)).toThrow(
      expect.objectContaining({ code: "refund_order_mismatch" }) as Error,
    );
  });
});

describe("parseShopifyRefund", () => {
  const original = order("testshop-usd-ontario-hst13-partial-refund.json");

  it.each(refundFixtures())("accepts %s", (file) => {
    expect(parseShopifyRefund(readJson(`refunds/${file}`), original).ok).toBe(true);
  });

  it("reads the *_set strings, not the JSON numbers next to them", () => {
    const parsed = parseShopifyRefund(
      readJson("refunds/testshop-usd-ontario-hst13-refund-one-unit.json"),
      original,
    );
    expect(parsed.ok && parsed.value.lineItems[0]).toMatchObject({
      subtotalCents: 19900,
      totalTaxCents: 2587,
    });
  });

  it.each([
    ["not an object", [], "not_an_object"],
    ["no id", { refund_line_items: [] }, "not_a_refund"],
    [
      "a three-decimal amount",
      { id: 1, refund_line_items: [{ quantity: 1, subtotal: "1.005" }] },
      "invalid_amount",
    ],
    [
      "text for a quantity",
      { id: 1, refund_line_items: [{ quantity: "one", subtotal: "1.00" }] },
      "invalid_payload",
    ],
    [
      "a transaction in another currency",
      { id: 1, transactions: [{ kind: "refund", amount: "1.00", currency: "CAD" }] },
      "invalid_amount",
    ],
  ] as const)("refuses %s", (_name, json, code) => {
    const parsed = parseShopifyRefund(json, original);
    expect(parsed.ok ? null : parsed.error.code).toBe(code);
  });
});
