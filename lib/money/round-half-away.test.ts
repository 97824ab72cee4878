import { describe, expect, it } from "vitest";
import { MoneyError } from "./money-error";
import { divideRoundHalfAway, toSafeInteger } from "./round-half-away";

describe("divideRoundHalfAway", () => {
  it.each([
    [5n, 10n, 1n],
    [-5n, 10n, -1n],
    [4n, 10n, 0n],
    [-4n, 10n, 0n],
    [15n, 10n, 2n],
    [-15n, 10n, -2n],
    [25n, 10n, 3n],
    [-25n, 10n, -3n],
    [14n, 10n, 1n],
    [0n, 7n, 0n],
    [1_498_500n, 1000n, 1499n],
  ])("%s / %s → %s", (numerator, denominator, expected) => {
    expect(divideRoundHalfAway(numerator, denominator)).toBe(expected);
  });

  it("refuses a non-positive denominator", () => {
    expect(() => divideRoundHalfAway(1n, 0n)).toThrow(RangeError);
  });
});

describe("toSafeInteger", () => {
  it("keeps safe values and refuses the rest", () => {
    expect(toSafeInteger(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toSafeInteger(BigInt(Number.MAX_SAFE_INTEGER) + 1n)).toThrow(MoneyError);
    expect(() => toSafeInteger(BigInt(Number.MIN_SAFE_INTEGER) - 1n)).toThrow(MoneyError);
  });
});
