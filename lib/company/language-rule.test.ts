import { describe, expect, it } from "vitest";
import { belgianBuyersInDutch, languageRegionOf, legalDocumentLanguage } from "./language-rule";

describe("language region of a Belgian postal code", () => {
  it.each([
    ["1000", "brussels"], // Brussel/Bruxelles
    ["1210", "brussels"], // Sint-Joost-ten-Node
    ["1300", "french"], // Wavre
    ["1480", "french"], // Tubize
    ["1500", "dutch"], // Halle
    ["1930", "dutch"], // Zaventem
    ["2000", "dutch"], // Antwerpen
    ["3000", "dutch"], // Leuven
    ["3790", "dutch"], // Voeren
    ["4000", "french"], // Liège
    ["4700", "german"], // Eupen
    ["4780", "german"], // Sankt Vith
    ["4960", "french"], // Malmedy
    ["7700", "french"], // Mouscron
    ["8000", "dutch"], // Brugge
    ["9000", "dutch"], // Gent
  ] as const)("%s → %s", (code, region) => {
    expect(languageRegionOf("BE", code)).toBe(region);
  });

  it("knows nothing outside Belgium or without a four-digit code", () => {
    expect(languageRegionOf("NL", "9000")).toBeNull();
    expect(languageRegionOf("BE", "")).toBeNull();
    expect(languageRegionOf("BE", "B-9000")).toBeNull();
  });
});

describe("the language rule", () => {
  const gent = { languageRule: "auto" as const, country: "BE", postalCode: "9000" };
  const namur = { languageRule: "auto" as const, country: "BE", postalCode: "5000" };

  it("by default, Dutch for Belgian buyers of a company in the Dutch-language region", () => {
    expect(belgianBuyersInDutch(gent)).toBe(true);
    expect(belgianBuyersInDutch(namur)).toBe(false);
    expect(belgianBuyersInDutch({ ...gent, postalCode: "1000" })).toBe(false);
    expect(legalDocumentLanguage(gent, "BE", "fr")).toBe("nl");
    expect(legalDocumentLanguage(gent, "be", "en")).toBe("nl");
  });

  it("leaves buyers abroad and other regions their language", () => {
    expect(legalDocumentLanguage(gent, "FR", "fr")).toBe("fr");
    expect(legalDocumentLanguage(gent, null, "fr")).toBe("fr");
    expect(legalDocumentLanguage(namur, "BE", "fr")).toBe("fr");
  });

  it("is the merchant's choice when set", () => {
    expect(legalDocumentLanguage({ ...gent, languageRule: "customer" }, "BE", "fr")).toBe("fr");
    expect(legalDocumentLanguage({ ...namur, languageRule: "dutch" }, "BE", "fr")).toBe("nl");
  });
});
