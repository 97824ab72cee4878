import { describe, expect, it } from "vitest";
import { formatAmount, formatPercent, formatRatio } from "./ubl-amount";

describe("formatAmount", () => {
  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [1234, "12.34"],
    [-5, "-0.05"],
    [-123456, "-1234.56"],
    [Number.MAX_SAFE_INTEGER, "90071992547409.91"],
  ])("%d cents → %s", (cents, text) => {
    expect(formatAmount(cents)).toBe(text);
  });
});

describe("formatPercent", () => {
  it.each([
    [2100, "21"],
    [600, "6"],
    [0, "0"],
    [550, "5.5"],
    [946, "9.46"],
    [10_000, "100"],
  ])("%d bp → %s", (bp, text) => {
    expect(formatPercent(bp)).toBe(text);
  });
});

describe("formatRatio (net unit prices)", () => {
  it("keeps two decimals when they are exact", () => {
    expect(formatRatio(5000, 2000)).toBe("25.00");
    expect(formatRatio(1999, 1000)).toBe("19.99");
  });

  it("adds decimals until quantity × price is within a tenth of a cent", () => {
    expect(formatRatio(713, 2000)).toBe("3.565"); // 7.13 / 2
    expect(formatRatio(100, 3000)).toBe("0.333"); // 3 × 0.333 = 0.999
    expect(formatRatio(100_000, 3000)).toBe("333.333"); // 3 × 333.333 = 999.999
  });

  it("works with fractional and negative quantities (price stays ≥ 0)", () => {
    expect(formatRatio(5000, 1500)).toBe("33.333"); // 1.5 h for 50.00: 49.9995
    expect(formatRatio(100, 7000)).toBe("0.143"); // 7 × 0.143 = 1.001
    expect(formatRatio(-275, -1000)).toBe("2.75");
    expect(formatRatio(0, -1000)).toBe("0.00");
  });

  it("refuses a zero quantity", () => {
    expect(() => formatRatio(100, 0)).toThrow(RangeError);
  });
});
