import { describe, expect, it } from "vitest";
import { articleSchema, emptyArticleInput, type ArticleInput } from "./article-schema";
import { vatChoiceOf } from "./article-vat";
import { formatStock } from "./format-stock";
import { stockCorrectionSchema } from "./stock-correction-schema";

const input = (over: Partial<ArticleInput>): ArticleInput => ({
  ...emptyArticleInput,
  name: "Bougie parfumée",
  unitPrice: "12.50",
  ...over,
});

describe("articleSchema", () => {
  it("turns the decimal price into cents and the VAT choice into category and rate", () => {
    expect(
      articleSchema.parse(input({ sku: " CND-01 ", unitPrice: "12,5", vat: "S:600" })),
    ).toEqual({
      sku: "CND-01",
      name: "Bougie parfumée",
      unitPriceCents: 1250,
      vatCategory: "S",
      vatRateBp: 600,
      trackStock: false,
      lowStockMilli: null,
    });
    expect(articleSchema.parse(input({ sku: "", vat: "E:0" }))).toMatchObject({
      sku: null,
      vatCategory: "E",
      vatRateBp: 0,
    });
  });

  it.each(["", "-1", "1.234", "12,50 €", "1e3"])("refuses the price %j", (unitPrice) => {
    const parsed = articleSchema.safeParse(input({ unitPrice }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("articles.validation.price");
  });

  it("reads the low-stock threshold as thousandths, empty as none, and refuses anything else", () => {
    expect(articleSchema.parse(input({ lowStock: "2,5" })).lowStockMilli).toBe(2500);
    expect(articleSchema.parse(input({ lowStock: " " })).lowStockMilli).toBeNull();
    for (const lowStock of ["-1", "1.2345", "five"]) {
      expect(articleSchema.safeParse(input({ lowStock })).error?.issues[0]?.message).toBe(
        "articles.validation.lowStock",
      );
    }
  });

  it("maps a stored treatment back to a form choice", () => {
    expect(vatChoiceOf("S", 1200)).toBe("S:1200");
    expect(vatChoiceOf("Z", 0)).toBe("Z:0");
  });
});

describe("stockCorrectionSchema", () => {
  it.each([
    ["5", 5000],
    ["+2,5", 2500],
    ["-0.125", -125],
  ])("reads %s as %i thousandths", (quantity, thousandths) => {
    expect(stockCorrectionSchema.parse({ quantity, note: "Inventory" })).toEqual({
      quantity: thousandths,
      note: "Inventory",
    });
  });

  it("refuses zero, a fourth decimal and a missing note", () => {
    const issues = (quantity: string, note: string) =>
      stockCorrectionSchema.safeParse({ quantity, note }).error?.issues.map((i) => i.message);
    expect(issues("0", "x")).toEqual(["articles.validation.quantityZero"]);
    expect(issues("1.2345", "x")).toEqual(["articles.validation.quantity"]);
    expect(issues("1", " ")).toEqual(["articles.validation.noteRequired"]);
  });
});

describe("formatStock", () => {
  it("formats thousandths for the reader", () => {
    expect(formatStock(1500, "fr-BE")).toBe("1,5");
    expect(formatStock(-2000, "en-BE")).toBe("-2");
    expect(formatStock(250, "nl-BE", true)).toBe("+0,25");
  });
});
