import { describe, expect, it } from "vitest";
import { emptyLine } from "./concept-form-values";
import { computeLiveTotals } from "./live-totals";

describe("computeLiveTotals", () => {
  it("prices valid lines with VAT per rate", () => {
    const { totals, skippedLines } = computeLiveTotals([
      { ...emptyLine(), quantity: "2", unitPrice: "10" },
      { ...emptyLine(), unitPrice: "100", vatCategory: "S", vatRateBp: 600 },
    ]);
    expect(skippedLines).toEqual([]);
    expect(totals).toMatchObject({ netCents: 12_000, vatCents: 1_020, grossCents: 13_020 });
    expect(totals.vatBreakdown.map((e) => [e.rateBp, e.vatCents])).toEqual([
      [2100, 420],
      [600, 600],
    ]);
  });

  it("leaves out a line still being typed and names it", () => {
    const { totals, skippedLines } = computeLiveTotals([
      { ...emptyLine(), unitPrice: "12,10", priceMode: "incl" },
      { ...emptyLine(), unitPrice: "abc" },
      emptyLine(),
    ]);
    expect(skippedLines).toEqual([1, 2]);
    expect(totals).toMatchObject({ netCents: 1_000, vatCents: 210, grossCents: 1_210 });
  });

  it("applies the line discount", () => {
    const { totals } = computeLiveTotals([
      { ...emptyLine(), unitPrice: "100", discountPercent: "10", vatCategory: "AE", vatRateBp: 0 },
    ]);
    expect(totals).toMatchObject({ netCents: 9_000, vatCents: 0, grossCents: 9_000 });
  });

  it("is zero without lines", () => {
    expect(computeLiveTotals([]).totals.grossCents).toBe(0);
  });
});
