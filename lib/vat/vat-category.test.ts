import { describe, expect, it } from "vitest";
import {
  assertVatTreatment,
  BELGIAN_VAT_RATES_BP,
  VAT_CATEGORIES,
  type VatCategory,
} from "./vat-category";
import { defaultVatMentionKey, VAT_MENTIONS, vatMentionText } from "./vat-mentions";

describe("VAT treatments", () => {
  it.each(BELGIAN_VAT_RATES_BP.filter((rate) => rate > 0))("accepts S at %i bp", (rateBp) => {
    expect(assertVatTreatment({ category: "S", rateBp })).toEqual({ category: "S", rateBp });
  });

  it.each(VAT_CATEGORIES.filter((c) => c !== "S"))("accepts %s only at 0", (category) => {
    expect(() => assertVatTreatment({ category, rateBp: 0 })).not.toThrow();
    expect(() => assertVatTreatment({ category, rateBp: 600 })).toThrow();
  });
});

describe("VAT mentions", () => {
  it.each([
    ["AE", "fr", "Autoliquidation"],
    ["AE", "nl", "Verlegging van heffing"],
    ["K", "nl", "Vrijgestelde intracommunautaire levering – art. 39bis WBTW"],
    ["K", "fr", "Livraison intracommunautaire exonérée – art. 39bis CTVA"],
    ["G", "fr", "Exonération – exportation, art. 39 CTVA"],
    ["G", "de", "Steuerbefreit – Ausfuhr, Art. 39 MwStGB"],
    ["E", "en", "Exempt – art. 44 Belgian VAT Code"],
  ] as const)("%s in %s reads %j", (category, language, text) => {
    const key = defaultVatMentionKey(category);
    expect(key && vatMentionText(key, language)).toBe(text);
  });

  it("cites art. 51 §2 for domestic reverse charge", () => {
    expect(vatMentionText("reverse_charge_domestic", "nl")).toBe(
      "Verlegging van heffing – art. 51 §2 WBTW",
    );
  });

  it("needs no mention for S and Z, and one for every other category", () => {
    const needing = VAT_CATEGORIES.filter((c: VatCategory) => defaultVatMentionKey(c) !== null);
    expect(needing).toEqual(["E", "AE", "K", "G", "O"]);
    for (const category of needing) {
      const key = defaultVatMentionKey(category);
      expect(key && VAT_MENTIONS[key].category).toBe(category);
    }
  });

  it("has all four languages for every mention", () => {
    for (const mention of Object.values(VAT_MENTIONS)) {
      expect(Object.keys(mention.text).sort()).toEqual(["de", "en", "fr", "nl"]);
      expect(Object.values(mention.text).every((text) => text.length > 0)).toBe(true);
    }
  });
});
