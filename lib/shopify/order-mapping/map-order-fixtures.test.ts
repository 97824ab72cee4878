import { describe, expect, it } from "vitest";
import { conceptLineSchema } from "@/lib/documents/concept-schema";
import { priceConcept } from "@/lib/documents/price-concept";
import { ratePercent } from "@/lib/documents/document-json";
import {
  NOT_ARITHMETIC,
  orderFixtures,
  readJson,
  type ExpectedInvoice,
  type ExpectedLine,
} from "./fixtures.test-support";
import { mapOrderToDocument } from "./map-order-to-document";
import type { MappedLine } from "./mapped-types";
import { compareWithShopify, computeMappedTotals } from "./order-totals";
import type { ShopifyOrder } from "./order-types";
import { parseShopifyOrder } from "./parse-order";
import { toConceptLineInputs, toFacturoLines } from "./to-facturo-lines";

function load(file: string) {
  const parsed = parseShopifyOrder(readJson(`orders/${file}`));
  if (!parsed.ok) throw parsed.error;
  const document = mapOrderToDocument(parsed.value, {
    documentType: "invoice",
    sellerCountry: "BE",
  });
  return { order: parsed.value, document, totals: computeMappedTotals(document) };
}

const sumTaxLinesByRate = (order: ShopifyOrder) => {
  const sums = new Map<number, number>();
  for (const tax of order.taxLines ?? [])
    sums.set(tax.rateBp, (sums.get(tax.rateBp) ?? 0) + tax.cents);
  return sums;
};

describe.each(orderFixtures())("%s", (file) => {
  it("parses and maps", () => {
    const { order, document } = load(file);
    expect(order.id).toMatch(/^\d+$/);
    expect(document.shopify.orderGid).toBe(`gid://shopify/Order/${order.id}`);
    expect(document.lines.length).toBeGreaterThan(0);
  });

  it("produces concept lines the concept schema accepts, priced like the document", () => {
    const { document, totals } = load(file);
    const lines = toConceptLineInputs(toFacturoLines(document.lines, document.language)).map(
      (line) => conceptLineSchema.parse(line),
    );
    const stored = priceConcept(lines, {
      currency: document.currency,
      fixedVat: document.fixedVat,
    });
    expect(stored.grossCents).toBe(totals.grossCents);
    expect(stored.vatBreakdown).toEqual(totals.vatBreakdown);
  });

  const known = NOT_ARITHMETIC[file];
  if (known) {
    it(`reports exactly its documented mismatch with Shopify's totals (${known.why})`, () => {
      const { order, document, totals } = load(file);
      expect(totals.currency).toBe(order.presentmentCurrency);
      const comparison = compareWithShopify(order, document, totals);
      expect(comparison.ok).toBe(false);
      expect(
        comparison.checks
          .filter((check) => check.status !== "match")
          .map(({ what, shopifyCents, documentCents }) => ({ what, shopifyCents, documentCents })),
      ).toEqual(known.mismatches);
    });
    return;
  }

  it("totals equal Shopify's to the cent (presentment side)", () => {
    const { order, document, totals } = load(file);
    expect(totals.currency).toBe(order.presentmentCurrency);
    expect(totals.grossCents).toBe(order.totals.totalPriceCents);
    expect(totals.vatCents).toBe(order.totals.totalTaxCents);
    const comparison = compareWithShopify(order, document, totals);
    expect(comparison.checks.filter((check) => check.status !== "match")).toEqual([]);
    expect(comparison.ok).toBe(true);
    // Lines with a single tax line: each VAT group IS one Shopify rate.
    if (document.lines.every((line) => line.taxLines.length <= 1)) {
      const shopify = sumTaxLinesByRate(order);
      const document_ = new Map(
        totals.vatBreakdown
          .filter((group) => group.category === "S")
          .map((group) => [group.rateBp, group.vatCents]),
      );
      expect(document_).toEqual(new Map([...shopify].filter(([rate]) => rate > 0)));
    }
  });
});

describe("fixtures that cannot add up (SOURCES.md)", () => {
  it("are fixtures that exist (a stale name would hide a fixture from the exact checks)", () => {
    expect(orderFixtures()).toEqual(expect.arrayContaining(Object.keys(NOT_ARITHMETIC)));
    expect(orderFixtures().length).toBeGreaterThan(Object.keys(NOT_ARITHMETIC).length);
  });

  it("the trimmed CAD order is reported, not silently accepted", () => {
    const { order, document, totals } = load("testshop-cad-discount-application.json");
    const comparison = compareWithShopify(order, document, totals);
    expect(comparison.ok).toBe(false);
    expect(comparison.checks.find((check) => check.what === "total_price")?.status).toBe(
      "mismatch",
    );
  });
});

const euFixtures = orderFixtures().filter((file) => file.startsWith("eu-"));

/** How an expected line names itself: "Title – Variant". */
const expectedDescription = (line: ExpectedLine) =>
  line.variant_title ? `${line.title} – ${line.variant_title}` : line.title;

const lineFacts = (line: MappedLine) => ({
  kind: line.kind,
  description: line.description,
  discount_cents: line.discountCents,
  amount_cents: line.amountCents,
  vat_rate: ratePercent(line.taxRateBp),
  tax_cents: line.taxCents,
  amount_excl_vat_cents: line.netCents,
});

describe.each(euFixtures)("%s matches its .expected.json", (file) => {
  const expected = readJson(
    `orders/${file.replace(/\.json$/, ".expected.json")}`,
  ) as ExpectedInvoice;

  it("document header, buyer and status", () => {
    const { document } = load(file);
    expect(document.shopify.orderId).toBe(expected.order_id);
    expect(document.shopify.orderGid).toBe(expected.admin_graphql_api_id);
    expect(document.shopify.orderName).toBe(expected.order_name);
    expect(document.issueDate).toBe(expected.order_date);
    expect(document.taxesIncluded).toBe(expected.taxes_included);
    expect(document.priceMode).toBe(expected.taxes_included ? "incl" : "excl");
    expect(document.currency).toBe(expected.currency);
    expect(document.paid).toBe(expected.paid);
    expect(document.financialStatus).toBe(expected.financial_status);
    expect(document.buyer.email).toBe(expected.email);
    expect(document.language).toBe(expected.locale.slice(0, 2));
    expect(document.buyer).toMatchObject({
      name: expected.buyer.name,
      company: expected.buyer.company,
      vatNumber: expected.buyer.vat_number,
      countryCode: expected.buyer.country_code,
    });
    expect(document.reverseCharge).toBe(expected.reverse_charge);
  });

  it("lines: count, amounts, discounts, VAT rate and VAT", () => {
    const { document } = load(file);
    const kinds = (kind: string) => document.lines.filter((line) => line.kind === kind);
    expect(document.lines).toHaveLength(expected.line_count);
    expect(kinds("product")).toHaveLength(expected.product_line_count);
    expect(kinds("shipping")).toHaveLength(expected.shipping_line_count);
    expect(kinds("tip").reduce((sum, line) => sum + line.amountCents, 0)).toBe(expected.tip_cents);
    expect(kinds("product").reduce((sum, line) => sum + line.discountCents, 0)).toBe(
      expected.discount_cents,
    );
    expect(document.lines.map(lineFacts)).toEqual(
      expected.lines.map((line) => ({
        kind: line.kind,
        description: expectedDescription(line),
        discount_cents: line.discount_cents,
        amount_cents: line.amount_cents,
        vat_rate: line.vat_rate,
        tax_cents: line.tax_cents,
        amount_excl_vat_cents: line.amount_excl_vat_cents,
      })),
    );
    expected.lines.forEach((line, index) => {
      const mapped = document.lines[index];
      if (line.kind === "product") {
        expect(mapped).toMatchObject({
          sku: line.sku,
          quantity: line.quantity,
          unitPriceCents: line.unit_price_cents,
        });
      } else {
        expect(mapped).toMatchObject({ quantity: 1, unitPriceCents: line.price_cents });
      }
    });
  });

  it("totals and VAT per rate, as Facturo prices the document", () => {
    const { document, totals } = load(file);
    expect(totals.grossCents).toBe(expected.total_cents);
    expect(totals.vatCents).toBe(expected.total_tax_cents);
    const byRate = Object.fromEntries(
      totals.vatBreakdown.map((group) => [
        ratePercent(group.rateBp),
        { taxable_cents: group.taxableCents, tax_cents: group.vatCents },
      ]),
    );
    // A document may carry 0.00 rows the answer file leaves out (a 0 % free-shipping line).
    for (const [rate, row] of Object.entries(byRate)) {
      expect(expected.vat_by_rate[rate] ?? { taxable_cents: 0, tax_cents: 0 }).toEqual(row);
    }
    for (const rate of Object.keys(expected.vat_by_rate)) expect(byRate[rate]).toBeDefined();
    // Facturo's own per-line split of each group gives the same nets as Shopify's lines.
    const facturo = toFacturoLines(document.lines, document.language);
    expect(facturo).toHaveLength(document.lines.length);
    expect(totals.lines.map((line) => line.netCents)).toEqual(
      expected.lines.map((line) => line.amount_excl_vat_cents),
    );
  });
});
