import { describe, expect, it } from "vitest";
import { basisPointsToPercent, formatPercent } from "./format-percent";

const plain = (text: string) => text.replace(/\s/g, " ");

describe("formatPercent", () => {
  it.each([
    [2100, "fr-BE", "21 %"],
    [550, "en-BE", "5,5%"], // en-BE writes decimals with a comma
    [1050, "nl-BE", "10,5%"],
    [0, "fr-BE", "0 %"],
    [10_000, "de-BE", "100 %"],
    [1, "en-BE", "0,01%"],
    [1234, "fr-BE", "12,34 %"],
  ] as const)("%i bp in %s → %s", (bp, locale, text) => {
    expect(plain(formatPercent(bp, locale))).toBe(text);
  });

  it("refuses what is not a whole number of basis points", () => {
    expect(() => formatPercent(10.5, "fr-BE")).toThrow(RangeError);
  });
});

describe("basisPointsToPercent", () => {
  it.each([
    [0, "0"],
    [1, "0.01"],
    [10, "0.1"],
    [550, "5.5"],
    [505, "5.05"],
    [600, "6"],
    [946, "9.46"],
    [950, "9.5"],
    [1000, "10"],
    [1255, "12.55"],
    [2100, "21"],
    [10_000, "100"],
    [-550, "-5.5"],
  ])("%i bp → %s", (bp, text) => {
    expect(basisPointsToPercent(bp)).toBe(text);
  });

  it("refuses what is not a whole number of basis points", () => {
    expect(() => basisPointsToPercent(10.5)).toThrow(RangeError);
  });
});
