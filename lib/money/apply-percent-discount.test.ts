import { describe, expect, it } from "vitest";
import { applyPercentDiscount } from "./apply-percent-discount";
import { MoneyError } from "./money-error";
import { percentOfCents } from "./percent-of-cents";

describe("applyPercentDiscount", () => {
  it.each([
    [3333, 1000, 333, 3000], // 10 % on 33.33
    [5, 1000, 1, 4], // discount 0.5 cent rounds away from zero
    [-5, 1000, -1, -4],
    [1000, 10_000, 1000, 0],
    [1000, 0, 0, 1000],
    [1999, 1250, 250, 1749], // 12.5 % → 249.875 → 250
  ])("%i less %i bp → discount %i, net %i", (cents, bp, discountCents, netCents) => {
    expect(applyPercentDiscount(cents, bp)).toEqual({ discountCents, netCents });
  });

  it.each([10_001, -1, 1.5, Number.NaN])("refuses %s basis points", (bp) => {
    expect(() => applyPercentDiscount(1000, bp)).toThrow(MoneyError);
  });
});

describe("percentOfCents", () => {
  it.each([
    [5, 2100, 1], // 21 % on 0.05 = 0.0105
    [250, 2100, 53], // 52.5 → 53
    [-250, 2100, -53],
    [250, 600, 15],
    [999_999_999, 2100, 210_000_000],
  ])("%i × %i bp → %i", (cents, bp, expected) => {
    expect(percentOfCents(cents, bp)).toBe(expected);
  });
});
