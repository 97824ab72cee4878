import { describe, expect, it } from "vitest";
import {
  enterpriseNumberOf,
  formatEnterpriseNumber,
  isRegisteredLegalPerson,
  legalFormText,
  nameWithLegalForm,
  registerText,
} from "./legal-mentions";
import { sellerOf, sellerSnapshot } from "./seller-snapshot";

describe("legal form after the name", () => {
  it.each([
    ["Bakkerij Janssens", "bv", "nl", "Bakkerij Janssens BV"],
    ["Bakkerij Janssens", "bv", "fr", "Bakkerij Janssens SRL"],
    ["Bakkerij Janssens", "bv", "en", "Bakkerij Janssens BV/SRL"],
    ["Atelier Dupont SRL", "bv", "fr", "Atelier Dupont SRL"],
    ["Atelier Dupont SRL", "bv", "nl", "Atelier Dupont SRL"],
    ["Janssens & Co NV", "nv", "en", "Janssens & Co NV"],
    ["Les Amis du Vélo", "vzw", "fr", "Les Amis du Vélo ASBL"],
    ["Marie Peeters", "sole_trader", "nl", "Marie Peeters"],
    ["Marie Peeters", null, "nl", "Marie Peeters"],
    ["Euro Holding", "se", "de", "Euro Holding SE"],
  ] as const)("%s (%s, %s) → %s", (name, form, language, expected) => {
    expect(nameWithLegalForm(name, form, language)).toBe(expected);
  });

  it("prints no form for a natural person", () => {
    expect(legalFormText("sole_trader", "fr")).toBeNull();
    expect(isRegisteredLegalPerson("sole_trader")).toBe(false);
    expect(isRegisteredLegalPerson("maatschap")).toBe(false);
    expect(isRegisteredLegalPerson("bv")).toBe(true);
  });
});

describe("register of legal persons", () => {
  it("uses RPR in Dutch, RPM in French, both otherwise", () => {
    expect(registerText("Gent, afdeling Brugge", "nl")).toBe("RPR Gent, afdeling Brugge");
    expect(registerText("Liège, division Namur", "fr")).toBe("RPM Liège, division Namur");
    expect(registerText("Gent", "en")).toBe("RPR/RPM Gent");
    expect(registerText(null, "nl")).toBeNull();
  });
});

describe("enterprise number", () => {
  it("is the one entered, else the digits of a Belgian VAT number", () => {
    expect(enterpriseNumberOf({ enterpriseNumber: null, vatNumber: "BE0123456749" })).toBe(
      "0123456749",
    );
    expect(enterpriseNumberOf({ enterpriseNumber: "1012345646", vatNumber: null })).toBe(
      "1012345646",
    );
    expect(enterpriseNumberOf({ enterpriseNumber: null, vatNumber: "NL123456789B01" })).toBeNull();
    expect(formatEnterpriseNumber("0123456749")).toBe("0123.456.749");
  });
});

describe("seller snapshot", () => {
  const company = {
    legalName: "Bakkerij Janssens",
    street: "Steenstraat 5",
    postalCode: "8000",
    city: "Brugge",
    country: "BE",
    vatNumber: "BE0123456749",
    iban: null,
    bic: null,
    legalForm: "bv" as const,
    enterpriseNumber: null,
    registerCourt: "Gent, afdeling Brugge",
    registeredStreet: null,
    registeredPostalCode: null,
    registeredCity: null,
    inLiquidation: false,
    contactEmail: "info@janssens.be",
    phone: null,
    website: null,
    vatFranchise: true,
  };

  it("keeps every mention", () => {
    expect(sellerSnapshot(company)).toEqual(company);
  });

  it("never fills an older snapshot with today's mentions", () => {
    const older = {
      legalName: "Bakkerij Janssens",
      street: "Oude straat 1",
      postalCode: "8000",
      city: "Brugge",
      country: "BE",
      vatNumber: "BE0123456749",
      iban: null,
      bic: null,
    };
    const printed = sellerOf(company, older);
    expect(printed.street).toBe("Oude straat 1");
    expect(printed.legalForm).toBeNull();
    expect(printed.registerCourt).toBeNull();
    expect(printed.contactEmail).toBeNull();
    expect(printed.vatFranchise).toBe(false);
    expect(sellerOf(company, null)).toBe(company);
  });
});
