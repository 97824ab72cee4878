import { describe, expect, it } from "vitest";
import { exemptionReason } from "./exemption-reason";
import { UblError } from "./ubl-error";

describe("exemptionReason", () => {
  it("has none for S and Z (BR-S-10, BR-Z-10)", () => {
    expect(exemptionReason("S", { language: "nl" })).toBeNull();
    expect(exemptionReason("Z", { language: "nl" })).toBeNull();
  });

  it.each([
    ["AE", "VATEX-EU-AE", "Reverse charge"],
    ["K", "VATEX-EU-IC", "Exempt intra-Community supply of goods – art. 39bis Belgian VAT Code"],
    ["G", "VATEX-EU-G", "Exempt – export, art. 39 Belgian VAT Code"],
    ["O", "VATEX-EU-O", "Outside the scope of VAT"],
  ] as const)("%s → %s with the PDF's text", (category, code, text) => {
    expect(exemptionReason(category, { language: "en", buyerVatNumber: "NL123456789B01" })).toEqual(
      {
        code,
        text,
      },
    );
  });

  it("E cites the Belgian article as text only (no Belgian VATEX code exists)", () => {
    expect(exemptionReason("E", { language: "fr" })).toEqual({
      code: null,
      text: "Exonération – art. 44 CTVA",
    });
    expect(exemptionReason("E", { language: "nl", mentions: { E: "small_enterprise" } })).toEqual({
      code: null,
      text: "Bijzondere vrijstellingsregeling kleine ondernemingen",
    });
  });

  it("AE to a Belgian customer is the domestic reverse charge (art. 51 §2)", () => {
    expect(exemptionReason("AE", { language: "nl", buyerVatNumber: "BE1012345646" })).toEqual({
      code: "VATEX-EU-AE",
      text: "Verlegging van heffing – art. 51 §2 WBTW",
    });
  });

  it("refuses a mention of another category", () => {
    expect(() => exemptionReason("K", { language: "en", mentions: { K: "export" } })).toThrow(
      UblError,
    );
  });
});
