import { describe, expect, it } from "vitest";
import { MoneyError } from "./money-error";
import { formatQuantity, parseQuantity } from "./parse-quantity";

describe("parseQuantity", () => {
  it.each([
    ["1.5", 1500],
    ["2", 2000],
    ["0.001", 1],
    ["-0.25", -250],
    ["1.0000", 1000],
    ["1000000", 1_000_000_000],
  ])("%j → %i thousandths", (text, thousandths) => {
    expect(parseQuantity(text)).toEqual({ thousandths });
  });

  it.each(["1.0005", "0.0001", "1,5", "", "x"])("refuses %j", (text) => {
    expect(() => parseQuantity(text)).toThrow(MoneyError);
  });
});

describe("formatQuantity", () => {
  it.each([
    [1500, "1.5"],
    [2000, "2"],
    [-250, "-0.25"],
    [1, "0.001"],
    [0, "0"],
  ])("%i → %j", (thousandths, text) => {
    expect(formatQuantity({ thousandths })).toBe(text);
    expect(parseQuantity(text).thousandths).toBe(thousandths);
  });
});
