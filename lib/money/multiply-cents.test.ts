import { describe, expect, it } from "vitest";
import { MoneyError } from "./money-error";
import { multiplyCents } from "./multiply-cents";
import { parseQuantity } from "./parse-quantity";

describe("multiplyCents", () => {
  it.each([
    [999, "1.5", 1499], // 14.985 → 14.99
    [300, "0.335", 101], // 1.005 → 1.01
    [34, "3", 102],
    [1, "0.5", 1],
    [1, "-0.5", -1],
    [33, "0.001", 0],
    [500, "0.001", 1],
    [999_999_999, "1", 999_999_999],
    [999_999_999, "1000", 999_999_999_000],
    [1234, "0", 0],
  ])("%i × %s → %i", (unitCents, quantity, expected) => {
    expect(multiplyCents(unitCents, parseQuantity(quantity))).toBe(expected);
  });

  it("refuses results or inputs a double cannot hold", () => {
    expect(() => multiplyCents(Number.MAX_SAFE_INTEGER, parseQuantity("2"))).toThrow(MoneyError);
    expect(() => multiplyCents(1.5, parseQuantity("2"))).toThrow(MoneyError);
  });
});
