import { describe, expect, it } from "vitest";
import { belgianVatRatesOn, isVatRateOn, VAT_RATES, vatRatesOn } from "./vat-rates";

describe("VAT rates as data", () => {
  it("gives Belgium's rates, highest first", () => {
    expect(belgianVatRatesOn("2026-12-07")).toEqual([2100, 1200, 600]);
  });

  it("knows a rate by its dates: Germany's 16 % only in the second half of 2020", () => {
    expect(isVatRateOn("DE", 1600, "2020-12-31")).toBe(true);
    expect(isVatRateOn("DE", 1600, "2021-01-01")).toBe(false);
    expect(isVatRateOn("DE", 1900, "2021-01-01")).toBe(true);
    expect(isVatRateOn("DE", 1900, "2020-08-01")).toBe(false);
    expect(isVatRateOn("DE", 1900, "2020-06-30")).toBe(true);
    expect(vatRatesOn("DE", "2026-05-08").map((r) => r.rateBp)).toEqual([1900, 700]);
  });

  it("knows Belgium's rates before the One-Stop Shop", () => {
    expect(belgianVatRatesOn("2018-04-10")).toEqual([2100, 1200, 600]);
    expect(isVatRateOn("NL", 900, "2018-12-31")).toBe(false);
  });

  it("checks OSS destinations' rates", () => {
    expect(isVatRateOn("NL", 2100, "2026-05-08")).toBe(true);
    expect(isVatRateOn("NL", 900, "2026-05-08")).toBe(true);
    expect(isVatRateOn("NL", 600, "2026-05-08")).toBe(false);
    expect(isVatRateOn("FR", 550, "2026-05-08")).toBe(true);
  });

  it("does not call a rate wrong for a state it keeps no rates of", () => {
    expect(isVatRateOn("IT", 2200, "2026-05-08")).toBeNull();
  });

  it("never has two rows of one state, kind and rate in force on the same day", () => {
    for (const a of VAT_RATES) {
      expect(a.validTo === null || a.validFrom <= a.validTo).toBe(true);
      const overlapping = VAT_RATES.filter(
        (b) =>
          b !== a &&
          b.country === a.country &&
          b.rateBp === a.rateBp &&
          b.validFrom <= (a.validTo ?? "9999-12-31") &&
          a.validFrom <= (b.validTo ?? "9999-12-31"),
      );
      expect(overlapping).toEqual([]);
    }
  });
});
