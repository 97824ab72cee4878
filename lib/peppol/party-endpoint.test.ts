import { describe, expect, it } from "vitest";
import {
  belgianEnterpriseNumber,
  documentEndpoints,
  partyEndpoint,
  resolveBuyerEndpoint,
} from "./party-endpoint";
import { UblError } from "./ubl-error";
import { endpointFromVatNumber } from "./vat-endpoint-schemes";

const SELLER = { scheme: "0208", id: "0123456749" };

describe("belgianEnterpriseNumber", () => {
  it.each([
    ["BE0123456749", "0123456749"],
    ["BE 0123.456.749", "0123456749"],
    ["0123456749", "0123456749"],
    ["123456749", "0123456749"], // old 9-digit form
    ["BE1012345646", "1012345646"], // 1-series (since 2023)
  ])("%s → %s", (input, expected) => {
    expect(belgianEnterpriseNumber(input)).toBe(expected);
  });

  it.each(["BE0123456748", "NL123456789B01", "", null, "BE01234567490"])(
    "%s → null (PEPPOL-COMMON-R043 would reject it)",
    (input) => {
      expect(belgianEnterpriseNumber(input)).toBeNull();
    },
  );
});

describe("partyEndpoint", () => {
  it("prefers 0208 with the enterprise number for a Belgian VAT number", () => {
    expect(partyEndpoint({ vatNumber: "BE0403170701" })).toEqual({
      scheme: "0208",
      id: "0403170701",
    });
  });

  it("uses a Belgian enterprise number without VAT number (association)", () => {
    expect(partyEndpoint({ enterpriseNumber: "0876.921.372" })).toEqual({
      scheme: "0208",
      id: "0876921372",
    });
  });

  it.each([
    ["NL123456789B01", "9944", "NL123456789B01"],
    ["DE123456789", "9930", "DE123456789"],
    ["FR12345678901", "9957", "FR12345678901"],
    ["ATU12345678", "9914", "ATU12345678"],
    ["EL123456789", "9933", "EL123456789"],
    ["DK12345678", "0184", "DK12345678"],
    ["SE556036079301", "0007", "5560360793"],
    ["FI12345678", "0216", "003712345678"],
    ["IT12345678901", "0211", "IT12345678901"],
  ])("%s → %s:%s", (vat, scheme, id) => {
    expect(partyEndpoint({ vatNumber: vat })).toEqual({ scheme, id });
  });

  it("gives nothing it cannot check or does not know", () => {
    expect(endpointFromVatNumber("SE556036079201")).toBeNull(); // Luhn fails (R049 is fatal)
    expect(endpointFromVatNumber("XI123456789")).toBeNull();
    expect(endpointFromVatNumber("BE0123456748")).toEqual({ scheme: "9925", id: "BE0123456748" });
    expect(partyEndpoint({ vatNumber: "BE0123456748" })).toEqual({
      scheme: "9925",
      id: "BE0123456748",
    });
    expect(partyEndpoint({})).toBeNull();
  });
});

describe("resolveBuyerEndpoint", () => {
  it("takes a registered endpoint first", () => {
    const endpoint = resolveBuyerEndpoint(
      { vatNumber: "NL123456789B01", endpoint: { scheme: "0106", id: "12345678" } },
      SELLER,
    );
    expect(endpoint).toEqual({
      scheme: "0106",
      id: "12345678",
      source: "registered",
      deliverable: true,
    });
  });

  it("derives one from the buyer's numbers", () => {
    expect(resolveBuyerEndpoint({ vatNumber: "BE1012345646" }, SELLER)).toEqual({
      scheme: "0208",
      id: "1012345646",
      source: "derived",
      deliverable: true,
    });
  });

  it("gives a consumer the seller's own address, marked undeliverable", () => {
    expect(resolveBuyerEndpoint({ vatNumber: null }, SELLER)).toEqual({
      ...SELLER,
      source: "seller_copy",
      deliverable: false,
    });
  });
});

describe("documentEndpoints", () => {
  const seller = {
    name: "S",
    vatNumber: "BE0123456749",
    street: "",
    postalCode: "",
    city: "",
    country: "BE",
    iban: null,
  };
  const buyer = { name: "B", street: "", postalCode: "", city: "", country: "BE" };

  it("tells the sending code whether the buyer can receive over Peppol", () => {
    expect(documentEndpoints({ seller, buyer }).buyer.deliverable).toBe(false);
    expect(
      documentEndpoints({ seller, buyer: { ...buyer, vatNumber: "BE1012345646" } }).buyer,
    ).toMatchObject({
      scheme: "0208",
      id: "1012345646",
      deliverable: true,
    });
  });

  it("refuses a seller without Peppol address (PEPPOL-EN16931-R020)", () => {
    expect(() => documentEndpoints({ seller: { ...seller, vatNumber: "XX1" }, buyer })).toThrow(
      UblError,
    );
  });
});
