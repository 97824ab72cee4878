import { describe, expect, it } from "vitest";
import { parseVatChoice, VAT_CHOICES, vatChoicesFor, vatChoiceValue } from "./vat-choice";

describe("VAT choices", () => {
  it("offers the Belgian rates, then the categories without VAT", () => {
    expect(VAT_CHOICES.map((c) => c.value)).toEqual([
      "S:2100",
      "S:1200",
      "S:600",
      "Z:0",
      "E:0",
      "AE:0",
      "K:0",
      "G:0",
    ]);
  });

  it("reads a choice back into category and rate", () => {
    expect(parseVatChoice("S:600")).toEqual({ value: "S:600", category: "S", rateBp: 600 });
    expect(parseVatChoice("AE:0")).toMatchObject({ category: "AE", rateBp: 0 });
  });

  it.each(["S:0", "E:2100", "X:0", "S:abc", "S:-100", "", "S:20000"])(
    "refuses %j, which the schema would refuse too",
    (value) => {
      expect(parseVatChoice(value)).toBeNull();
    },
  );

  it("builds the value from the form's fields, whatever their type", () => {
    expect(vatChoiceValue("S", "2100")).toBe("S:2100");
    expect(vatChoiceValue("K", 0)).toBe("K:0");
  });

  it("keeps a line's unusual rate selectable (e.g. 20 % OSS from Shopify)", () => {
    expect(vatChoicesFor("S", 2000).map((c) => c.value)).toContain("S:2000");
    expect(vatChoicesFor("S", 2100)).toBe(VAT_CHOICES);
  });
});
