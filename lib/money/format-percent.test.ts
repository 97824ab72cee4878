import { describe, expect, it } from "vitest";
import { formatPercent } from "./format-percent";

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
