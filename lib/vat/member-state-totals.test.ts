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

describe("VAT per member state", () => {
  it("keeps Dutch 21 % apart from Belgian 21 %, Belgian first", () => {
    const result = computeDocumentTotals(
      [line({ vatCountry: "NL" }), line(), line({ vatCountry: "NL", unitPriceCents: 3 })],
      { currency: "EUR" },
    );
    expect(result.vatBreakdown).toEqual([
      expect.objectContaining({ country: "BE", rateBp: 2100, taxableCents: 1000, vatCents: 210 }),
      expect.objectContaining({ country: "NL", rateBp: 2100, taxableCents: 1003, vatCents: 211 }),
    ]);
    expect(result.vatCents).toBe(421);
  });

  it("sorts other states alphabetically, then by rate", () => {
    const result = computeDocumentTotals(
      [
        line({ vatCountry: "FR", vatRateBp: 550 }),
        line({ vatCountry: "DE", vatRateBp: 700 }),
        line({ vatCountry: "FR", vatRateBp: 2000 }),
        line({ vatCountry: "DE", vatRateBp: 1900 }),
      ],
      { currency: "EUR" },
    );
    expect(result.vatBreakdown.map((e) => `${e.country}:${e.rateBp}`)).toEqual([
      "DE:1900",
      "DE:700",
      "FR:2000",
      "FR:550",
    ]);
  });

  it("hands a fixed amount to its own state's group only", () => {
    const result = computeDocumentTotals([line({ vatCountry: "NL" }), line()], {
      currency: "EUR",
      fixedVat: [{ country: "NL", category: "S", rateBp: 2100, vatCents: 211 }],
    });
    expect(result.vatBreakdown).toEqual([
      expect.objectContaining({ country: "BE", vatCents: 210, vatSource: "computed" }),
      expect.objectContaining({ country: "NL", vatCents: 211, vatSource: "fixed" }),
    ]);
  });

  it.each([
    [{ vatCountry: "CH" }, /not an EU member state/],
    [{ vatCountry: "nl" }, /not an EU member state/],
    [{ vatCountry: "NL", vatCategory: "K" as const, vatRateBp: 0 }, /only S may carry NL VAT/],
  ])("refuses %j", (overrides, message) => {
    expect(() => computeDocumentTotals([line(overrides)], { currency: "EUR" })).toThrow(message);
  });
});

it("refuses a fixed amount for a state without lines", () => {
  const run = () =>
    computeDocumentTotals([line({ vatCountry: "NL" })], {
      currency: "EUR",
      fixedVat: [{ category: "S", rateBp: 2100, vatCents: 210 }],
    });
  expect(run).toThrow(VatError);
  expect(run).toThrow(/S:2100 has no lines/);
});
