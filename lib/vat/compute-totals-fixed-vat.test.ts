import { describe, expect, it } from "vitest";
import { computeDocumentTotals } from "./compute-totals";
import type { DocumentLineInput, FixedVatAmount } from "./document-totals-types";

const line = (overrides: Partial<DocumentLineInput> = {}): DocumentLineInput => ({
  quantity: "1",
  unitPriceCents: 1000,
  priceMode: "excl",
  vatCategory: "S",
  vatRateBp: 2100,
  ...overrides,
});
const withFixed = (lines: DocumentLineInput[], fixedVat: FixedVatAmount[]) =>
  computeDocumentTotals(lines, { currency: "EUR", fixedVat });

describe("computeDocumentTotals with fixedVat", () => {
  it("uses the source's VAT on excl. prices and reports the difference", () => {
    const result = withFixed([line()], [{ category: "S", rateBp: 2100, vatCents: 211 }]);
    expect(result.vatBreakdown[0]).toMatchObject({
      taxableCents: 1000,
      vatCents: 211,
      grossCents: 1211,
      vatSource: "fixed",
      computedVatCents: 210,
      vatDifferenceCents: 1,
    });
    expect(result.lines[0]).toMatchObject({ netCents: 1000, vatCents: 211, grossCents: 1211 });
  });

  it("keeps the paid gross on incl. prices and derives the net from the fixed VAT", () => {
    // Shopify says 3.46 VAT in 19.99; our split would give 3.47.
    const lines = [line({ priceMode: "incl", unitPriceCents: 1999 })];
    const result = withFixed(lines, [{ category: "S", rateBp: 2100, vatCents: 346 }]);
    expect(result).toMatchObject({ netCents: 1653, vatCents: 346, grossCents: 1999 });
    expect(result.vatBreakdown[0]).toMatchObject({ computedVatCents: 347, vatDifferenceCents: -1 });
  });

  it("computes groups the source did not cover", () => {
    const lines = [line(), line({ vatRateBp: 600 })];
    const result = withFixed(lines, [{ category: "S", rateBp: 600, vatCents: 60 }]);
    expect(result.vatBreakdown.map((e) => [e.rateBp, e.vatSource, e.vatDifferenceCents])).toEqual([
      [2100, "computed", 0],
      [600, "fixed", 0],
    ]);
    expect(result.vatCents).toBe(270);
  });

  it("shares a far-off fixed amount over the lines so columns still add up", () => {
    const lines = [line({ unitPriceCents: 100 }), line({ unitPriceCents: 300 })];
    const result = withFixed(lines, [{ category: "S", rateBp: 2100, vatCents: 90 }]);
    expect(result.lines.map((l) => l.vatCents)).toEqual([24, 66]);
    expect(result.grossCents).toBe(490);
  });

  it.each([
    ["a group without lines", { category: "S", rateBp: 1200, vatCents: 5 }, "unmatched_fixed_vat"],
    ["VAT on an exempt group", { category: "E", rateBp: 0, vatCents: 5 }, "invalid_fixed_vat"],
    ["fractional cents", { category: "S", rateBp: 2100, vatCents: 2.5 }, "invalid_fixed_vat"],
    ["an invalid rate", { category: "S", rateBp: 0, vatCents: 0 }, "invalid_fixed_vat"],
  ] as const)("refuses %s", (_name, fixed, code) => {
    expect(() => withFixed([line()], [fixed])).toThrow(expect.objectContaining({ code }));
  });

  it("refuses two amounts for one group", () => {
    const fixed = { category: "S", rateBp: 2100, vatCents: 210 } as const;
    const run = () => withFixed([line()], [fixed, fixed]);
    expect(run).toThrow(expect.objectContaining({ code: "invalid_fixed_vat" }));
  });
});
