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
      "S:2100:NL",
      "S:900:NL",
      "S:2000:FR",
      "S:1000:FR",
      "S:550:FR",
      "S:210:FR",
      "S:1900:DE",
      "S:700:DE",
    ]);
  });

  it("reads another member state's rate (OSS) and refuses a state on an exemption", () => {
    expect(parseVatChoice("S:2100:NL")).toEqual({
      value: "S:2100:NL",
      category: "S",
      rateBp: 2100,
      country: "NL",
    });
    expect(parseVatChoice("K:0:NL")).toBeNull();
    expect(parseVatChoice("S:2100:CH")).toBeNull();
    expect(vatChoiceValue("S", 2100, "BE")).toBe("S:2100");
    expect(vatChoicesFor("S", 2200, "IT").map((c) => c.value)).toContain("S:2200:IT");
  });

  it("reads a choice back into category and rate", () => {
    expect(parseVatChoice("S:600")).toEqual({
      value: "S:600",
      category: "S",
      rateBp: 600,
      country: "BE",
    });
    expect(parseVatChoice("AE:0")).toMatchObject({ category: "AE", rateBp: 0 });
  });

  it.each(["S:0", "E:2100", "X:0", "S:abc", "S:-100", "", "S:20000", "S:2100:NL:x"])(
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
