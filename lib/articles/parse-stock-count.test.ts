import { describe, expect, it } from "vitest";
import { parseStockCount } from "./parse-stock-count";

describe("parseStockCount", () => {
  it("reads SKU;quantity lines with a header, a BOM, CRLF, quotes, tabs and decimal commas", () => {
    const file = '\uFEFFSKU;Quantité\r\nCND-01;12\r\n\r\n"TEA-02";2,5\r\nMUG-03\t0\r\n';
    expect(parseStockCount(file)).toEqual({
      ok: true,
      counts: [
        { sku: "CND-01", quantityMilli: 12_000 },
        { sku: "TEA-02", quantityMilli: 2_500 },
        { sku: "MUG-03", quantityMilli: 0 },
      ],
    });
  });

  it("refuses the whole file and names every bad line", () => {
    const file = ["CND-01;12", "TEA-02;-1", "CND-01;3", ";4", "MUG-03", "A;1;extra", "B;1.2345"];
    expect(parseStockCount(file.join("\n"))).toEqual({
      ok: false,
      problems: [
        { line: 2, code: "quantity" },
        { line: 3, code: "duplicate" },
        { line: 4, code: "sku" },
        { line: 5, code: "columns" },
        { line: 6, code: "columns" },
        { line: 7, code: "quantity" },
      ],
    });
  });

  it("takes a header only as the first line", () => {
    expect(parseStockCount("A;1\nSKU;Quantity")).toEqual({
      ok: false,
      problems: [{ line: 2, code: "quantity" }],
    });
  });

  it("refuses a file far bigger than a count", () => {
    expect(parseStockCount("A;1\n".repeat(20_001))).toMatchObject({ ok: false, tooLarge: true });
  });
});
