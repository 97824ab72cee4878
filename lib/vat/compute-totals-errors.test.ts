import { describe, expect, it } from "vitest";
import { computeDocumentTotals } from "./compute-totals";
import type { DocumentLineInput } from "./document-totals-types";
import { VatError } from "./vat-error";

const line = (overrides: Partial<DocumentLineInput> = {}): DocumentLineInput => ({
  quantity: "1",
  unitPriceCents: 1000,
  priceMode: "excl",
  vatCategory: "S",
  vatRateBp: 2100,
  ...overrides,
});

describe("computeDocumentTotals: invalid input", () => {
  it.each([
    ["quantity with 4 decimals", { quantity: "1.0005" }, "invalid_line"],
    ["quantity with a comma", { quantity: "1,5" }, "invalid_line"],
    ["negative unit price (BR-27)", { unitPriceCents: -1 }, "invalid_line"],
    ["fractional cents", { unitPriceCents: 10.5 }, "invalid_line"],
    ["discount above 100 %", { discountBp: 10_001 }, "invalid_line"],
    ["S at 0 %", { vatRateBp: 0 }, "invalid_rate"],
    ["exempt with a rate", { vatCategory: "E", vatRateBp: 2100 }, "invalid_rate"],
    ["rate in percent, not basis points", { vatRateBp: 21.5 }, "invalid_rate"],
    ["unknown category", { vatCategory: "X" as "S" }, "invalid_category"],
    ["unknown price mode", { priceMode: "ttc" as "incl" }, "invalid_line"],
    [
      "unsafe line amount",
      { unitPriceCents: Number.MAX_SAFE_INTEGER, quantity: "2" },
      "invalid_line",
    ],
  ] as const)("%s", (_name, overrides, code) => {
    const run = () => computeDocumentTotals([line(), line(overrides)], { currency: "EUR" });
    expect(run).toThrow(VatError);
    expect(run).toThrow(expect.objectContaining({ code, lineIndex: 1 }));
  });

  it("refuses excl and incl prices in one VAT group", () => {
    const run = () =>
      computeDocumentTotals([line(), line({ priceMode: "incl" })], { currency: "EUR" });
    expect(run).toThrow(expect.objectContaining({ code: "mixed_price_modes", lineIndex: 1 }));
  });

  it("allows excl and incl prices in different VAT groups", () => {
    const result = computeDocumentTotals(
      [line(), line({ priceMode: "incl", vatRateBp: 600, unitPriceCents: 1060 })],
      { currency: "EUR" },
    );
    expect(result).toMatchObject({ netCents: 2000, vatCents: 270, grossCents: 2270 });
  });

  it("refuses totals beyond the safe integer range", () => {
    const big = line({ unitPriceCents: 4_000_000_000_000_000 });
    const run = () => computeDocumentTotals([big, big, big], { currency: "EUR" });
    expect(run).toThrow(expect.objectContaining({ code: "invalid_document" }));
  });

  it("refuses an unsupported currency", () => {
    const run = () => computeDocumentTotals([line()], { currency: "JPY" });
    expect(run).toThrow(expect.objectContaining({ code: "invalid_document" }));
  });
});
