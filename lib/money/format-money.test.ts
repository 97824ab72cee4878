import { describe, expect, it } from "vitest";
import { centsToDecimalString, formatMoney } from "./format-money";
import { money } from "./money";
import { MoneyError } from "./money-error";

// ICU puts (narrow) no-break spaces in some locales; compare with plain spaces.
const plain = (text: string) => text.replace(/\s/g, " ");

describe("formatMoney", () => {
  it.each([
    ["fr-BE", 123_456_705, "1 234 567,05 €"],
    ["nl-BE", 1234, "€ 12,34"],
    ["de-BE", -123_456_705, "-1.234.567,05 €"],
    ["en-BE", 5, "€0.05"],
  ] as const)("%s %i → %s", (locale, cents, expected) => {
    expect(plain(formatMoney(cents, "EUR", locale))).toBe(expected);
  });

  it("formats amounts beyond float-exact cents without drift", () => {
    expect(plain(formatMoney(Number.MAX_SAFE_INTEGER, "EUR", "de-BE"))).toBe(
      "90.071.992.547.409,91 €",
    );
  });
});

describe("centsToDecimalString", () => {
  it.each([
    [0, "0.00"],
    [5, "0.05"],
    [-5, "-0.05"],
    [123_456, "1234.56"],
  ])("%i → %s", (cents, text) => {
    expect(centsToDecimalString(cents)).toBe(text);
  });
});

describe("money", () => {
  it("pairs whole cents with a two-decimal ISO currency", () => {
    expect(money(1234, "EUR")).toEqual({ cents: 1234, currency: "EUR" });
    expect(() => money(12.5, "EUR")).toThrow(MoneyError);
    expect(() => money(1, "eur")).toThrow(MoneyError);
    expect(() => money(1, "JPY")).toThrow(expect.objectContaining({ code: "invalid_currency" }));
  });
});
