import { describe, expect, it } from "vitest";
import { MoneyError } from "./money-error";
import { parseDecimalScaled, parseDecimalToCents } from "./parse-decimal";

describe("parseDecimalToCents", () => {
  it.each([
    ["12.345", 1235],
    ["12.344", 1234],
    ["-12.345", -1235],
    ["0.335", 34],
    // (1.995).toFixed(2) is "1.99" in floating point; the text is exactly 1.995.
    ["1.995", 200],
    ["1.005", 101],
    ["0.005", 1],
    ["-0.005", -1],
    ["0.0049999", 0],
    ["12", 1200],
    ["12.3", 1230],
    ["+1.00", 100],
    ["007.50", 750],
    ["-0", 0],
    ["9999999.99", 999_999_999],
    ["90071992547409.91", Number.MAX_SAFE_INTEGER],
  ])("%j → %i", (text, cents) => {
    expect(parseDecimalToCents(text)).toBe(cents);
  });

  it.each(["", "1,5", "1e3", " 1", "1.", ".5", "abc", "--1", "1.2.3", "NaN", "Infinity"])(
    "refuses %j",
    (text) => {
      expect(() => parseDecimalToCents(text)).toThrow(MoneyError);
    },
  );

  it("refuses amounts beyond the safe integer range", () => {
    expect(() => parseDecimalToCents("90071992547409.92")).toThrow(
      expect.objectContaining({ code: "unsafe_integer" }),
    );
  });
});

describe("parseDecimalScaled", () => {
  it("rounds at any scale, or refuses extra digits when exact", () => {
    expect(parseDecimalScaled("1.2345", 3)).toBe(1235n);
    expect(parseDecimalScaled("1.2000", 3, true)).toBe(1200n);
    expect(() => parseDecimalScaled("1.2345", 3, true)).toThrow(
      expect.objectContaining({ code: "too_many_decimals" }),
    );
  });
});
