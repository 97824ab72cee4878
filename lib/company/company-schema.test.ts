import { describe, expect, it } from "vitest";
import {
  companySettingsSchema,
  newOrganisationSchema,
  type CompanySettingsInput,
} from "./company-schema";

const base: CompanySettingsInput = {
  legalName: "  Boulangerie Dupont SRL ",
  street: "Rue Haute 1",
  postalCode: "1000",
  city: "Bruxelles",
  country: "BE",
  vatNumber: "",
  iban: "",
  bic: "",
  emailSenderName: "",
  emailReplyTo: "",
  defaultLanguage: "fr",
  legalForm: "",
  enterpriseNumber: "",
  registerCourt: "",
  registeredStreet: "",
  registeredPostalCode: "",
  registeredCity: "",
  inLiquidation: false,
  contactEmail: "",
  phone: "",
  website: "",
  vatFranchise: false,
  languageRule: "auto",
};

function issues(input: Partial<CompanySettingsInput>) {
  const result = companySettingsSchema.safeParse({ ...base, ...input });
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("company settings schema", () => {
  it("turns empty optional fields into null and trims text", () => {
    const parsed = companySettingsSchema.parse(base);
    expect(parsed).toMatchObject({
      legalName: "Boulangerie Dupont SRL",
      vatNumber: null,
      iban: null,
      bic: null,
      emailSenderName: null,
      emailReplyTo: null,
    });
  });

  it("normalises the VAT number", () => {
    expect(companySettingsSchema.parse({ ...base, vatNumber: "be 0403.170.701" }).vatNumber).toBe(
      "BE0403170701",
    );
  });

  it("reports a bad VAT checksum on vatNumber with an i18n key", () => {
    expect(issues({ vatNumber: "BE0403170702" })).toEqual([
      { path: "vatNumber", message: "validation.vat.checksum" },
    ]);
    expect(issues({ vatNumber: "BE2123456789" })).toEqual([
      { path: "vatNumber", message: "validation.vat.first_digit" },
    ]);
  });

  it("accepts a spaced IBAN and stores its electronic form", () => {
    expect(companySettingsSchema.parse({ ...base, iban: "be68 5390 0754 7034" }).iban).toBe(
      "BE68539007547034",
    );
    expect(companySettingsSchema.parse({ ...base, iban: "BE68539007547034" }).iban).toBe(
      "BE68539007547034",
    );
  });

  it("rejects an IBAN with a wrong check digit", () => {
    expect(issues({ iban: "BE68539007547035" })).toEqual([
      { path: "iban", message: "validation.iban" },
    ]);
  });

  it("validates and upper-cases the BIC", () => {
    expect(companySettingsSchema.parse({ ...base, bic: "gebabebb" }).bic).toBe("GEBABEBB");
    expect(issues({ bic: "GEB4BEBB" })).toEqual([{ path: "bic", message: "validation.bic" }]);
    expect(issues({ bic: "GEBABEBB12345" })[0]).toEqual({ path: "bic", message: "validation.bic" });
  });

  it("requires a BIC only for foreign IBANs", () => {
    expect(issues({ iban: "NL91ABNA0417164300" })).toEqual([
      { path: "bic", message: "validation.bicRequired" },
    ]);
    expect(
      companySettingsSchema.safeParse({ ...base, iban: "NL91ABNA0417164300", bic: "ABNANL2A" })
        .success,
    ).toBe(true);
  });

  it("requires a legal name and checks the reply-to address", () => {
    expect(issues({ legalName: "   " })).toEqual([
      { path: "legalName", message: "validation.required" },
    ]);
    expect(issues({ emailReplyTo: "not-an-email" })[0]?.path).toBe("emailReplyTo");
  });

  it("shares field rules with the first-run schema", () => {
    const parsed = newOrganisationSchema.parse({
      legalName: "Dupont",
      vatNumber: "0403170701",
      street: "",
      postalCode: "",
      city: "",
      country: "BE",
      iban: "",
    });
    expect(parsed).toMatchObject({ vatNumber: "BE0403170701", iban: null });
  });
});

describe("company-law mentions and contact details", () => {
  it("keeps the form, court, office and contact, normalised", () => {
    const parsed = companySettingsSchema.parse({
      ...base,
      vatNumber: "BE 0403.170.701",
      legalForm: "bv",
      enterpriseNumber: "0403.170.701",
      registerCourt: "RPR Gent, afdeling Brugge",
      registeredStreet: "Markt 1",
      registeredPostalCode: "8000",
      registeredCity: "Brugge",
      contactEmail: " info@dupont.be ",
      phone: "+32  50 12 34 56",
      website: "https://www.Dupont.be/",
    });
    expect(parsed).toMatchObject({
      legalForm: "bv",
      enterpriseNumber: "0403170701",
      registerCourt: "Gent, afdeling Brugge",
      registeredStreet: "Markt 1",
      contactEmail: "info@dupont.be",
      phone: "+32 50 12 34 56",
      website: "www.dupont.be",
    });
    expect(companySettingsSchema.parse(base)).toMatchObject({
      legalForm: null,
      enterpriseNumber: null,
      registerCourt: null,
      registeredStreet: null,
      contactEmail: null,
      phone: null,
      website: null,
    });
  });

  it("refuses what cannot be printed as the law asks", () => {
    expect(issues({ legalForm: "llc" as never })).toEqual([
      { path: "legalForm", message: "validation.legalForm" },
    ]);
    expect(issues({ enterpriseNumber: "0403170702" })).toEqual([
      { path: "enterpriseNumber", message: "validation.enterprise.checksum" },
    ]);
    expect(issues({ vatNumber: "BE0403170701", enterpriseNumber: "0123456749" })).toEqual([
      { path: "enterpriseNumber", message: "validation.enterprise.mismatch" },
    ]);
    expect(issues({ phone: "call me" })).toEqual([{ path: "phone", message: "validation.phone" }]);
    expect(issues({ phone: "123" })).toEqual([{ path: "phone", message: "validation.phone" }]);
    expect(issues({ website: "not a site" })).toEqual([
      { path: "website", message: "validation.website" },
    ]);
    expect(issues({ website: "javascript:alert(1)" })).toEqual([
      { path: "website", message: "validation.website" },
    ]);
    expect(issues({ contactEmail: "info@" })).toEqual([
      { path: "contactEmail", message: "validation.email" },
    ]);
  });

  it("asks the whole registered office or none of it", () => {
    expect(issues({ registeredStreet: "Markt 1" })).toEqual([
      { path: "registeredPostalCode", message: "validation.required" },
      { path: "registeredCity", message: "validation.required" },
    ]);
  });
});
