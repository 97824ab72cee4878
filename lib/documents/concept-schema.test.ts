import { describe, expect, it } from "vitest";
import { conceptLineSchema } from "./concept-schema";

const line = (discountPercent: string) =>
  conceptLineSchema.parse({
    description: "Mug",
    sku: "",
    quantity: "1",
    unitPrice: "10.00",
    priceMode: "excl",
    discountPercent,
    vatCategory: "S",
    vatRateBp: 2100,
  });

describe("conceptLineSchema discount", () => {
  it.each([
    ["", 0],
    ["12,5", 1250],
    ["0.29", 29], // 0.29 * 100 is 28.999… in floating point: read as text instead
    ["9.46", 946],
    ["100", 10_000],
  ])("%j percent is %i basis points", (percent, bp) => {
    expect(line(percent).discountBp).toBe(bp);
  });

  it("refuses more than two decimals", () => {
    expect(() => line("1.234")).toThrow();
  });
});
