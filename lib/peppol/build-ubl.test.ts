import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildUbl } from "./build-ubl";
import { UblError } from "./ubl-error";
import {
  BE_CONSUMER,
  DE_COMPANY,
  DOMESTIC_INVOICE,
  handMadeCases,
  priced,
  SELLER,
} from "./ubl-cases.test-support";
import type { UblInput } from "./ubl-input";

type Node = Record<string, unknown>;

/** Parsed without namespace prefixes; repeated elements always arrays where it matters. */
function parse(xml: string): Node {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: true,
    parseTagValue: false,
    isArray: (name) => ["InvoiceLine", "CreditNoteLine", "TaxSubtotal", "TaxTotal"].includes(name),
  });
  return parser.parse(xml) as Node;
}

const at = (node: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>(
    (current, key) => (current as Record<string | number, unknown> | undefined)?.[key],
    node,
  );

const text = (node: unknown): unknown =>
  typeof node === "object" && node !== null && "#text" in node ? (node as Node)["#text"] : node;

const cases = handMadeCases();
const invoice = (name: string) => parse(buildUbl(cases[name] as UblInput)).Invoice as Node;

describe("buildUbl header and references", () => {
  const doc = invoice("domestic-21-12-6-b2b");

  it("declares Peppol BIS Billing 3.0", () => {
    expect(doc.CustomizationID).toBe(
      "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
    );
    expect(doc.ProfileID).toBe("urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
    expect([doc.ID, doc.IssueDate, doc.DueDate, doc.InvoiceTypeCode]).toEqual([
      "F2026-000123",
      "2026-11-20",
      "2026-12-04",
      "380",
    ]);
  });

  it("uses the Shopify order name as buyer and sales order reference", () => {
    expect(doc.BuyerReference).toBe("#1042");
    expect(doc.OrderReference).toEqual({ ID: "NA", SalesOrderID: "#1042" });
  });

  it("embeds the PDF", () => {
    const attachment = at(
      doc,
      "AdditionalDocumentReference",
      "Attachment",
      "EmbeddedDocumentBinaryObject",
    ) as Node;
    expect(attachment["@mimeCode"]).toBe("application/pdf");
    expect(attachment["@filename"]).toBe("F2026-000123.pdf");
    expect(Buffer.from(String(text(attachment)), "base64").toString()).toBe("%PDF-1.4 fictitious");
  });

  it("pays by SEPA credit transfer with the structured communication", () => {
    expect(at(doc, "PaymentMeans", "PaymentMeansCode", "#text")).toBe("58");
    expect(at(doc, "PaymentMeans", "PaymentID")).toBe("+++202/6000/12320+++");
    expect(at(doc, "PaymentMeans", "PayeeFinancialAccount", "ID")).toBe("BE68539007547034");
    expect(
      at(doc, "PaymentMeans", "PayeeFinancialAccount", "FinancialInstitutionBranch", "ID"),
    ).toBe("GKCCBEBB");
  });
});

describe("buildUbl parties", () => {
  it("identifies Belgian companies by 0208 enterprise number and BE VAT number", () => {
    const doc = invoice("domestic-21-12-6-b2b");
    const seller = at(doc, "AccountingSupplierParty", "Party") as Node;
    const buyer = at(doc, "AccountingCustomerParty", "Party") as Node;
    expect(seller.EndpointID).toEqual({ "#text": "0123456749", "@schemeID": "0208" });
    expect(at(seller, "PartyTaxScheme", "CompanyID")).toBe("BE0123456749");
    expect(at(seller, "PartyLegalEntity", "CompanyID")).toEqual({
      "#text": "0123456749",
      "@schemeID": "0208",
    });
    expect(buyer.EndpointID).toEqual({ "#text": "1012345646", "@schemeID": "0208" });
    expect(at(buyer, "PartyLegalEntity", "RegistrationName")).toBe("Client Exemple SRL");
    expect(at(buyer, "Contact", "Name")).toBe("Jan Peeters");
  });

  it("gives a foreign company its country's VAT scheme", () => {
    const doc = invoice("reverse-charge-ae-nl");
    expect(at(doc, "AccountingCustomerParty", "Party", "EndpointID")).toEqual({
      "#text": "NL123456789B01",
      "@schemeID": "9944",
    });
  });

  it("gives a consumer no VAT number and the seller's own endpoint", () => {
    const buyer = at(invoice("consumer-no-vat-number"), "AccountingCustomerParty", "Party") as Node;
    expect(buyer.EndpointID).toEqual({ "#text": "0123456749", "@schemeID": "0208" });
    expect(buyer.PartyTaxScheme).toBeUndefined();
    expect(at(buyer, "PartyLegalEntity")).toEqual({ RegistrationName: "Marie Dubois" });
  });

  it("leaves every VAT number out of an O-only document (BR-O-02)", () => {
    const doc = invoice("out-of-scope-only-gift-card");
    expect(at(doc, "AccountingSupplierParty", "Party", "PartyTaxScheme")).toBeUndefined();
    expect(
      at(doc, "AccountingSupplierParty", "Party", "PartyLegalEntity", "CompanyID", "#text"),
    ).toBe("0123456749");
    const category = at(doc, "TaxTotal", 0, "TaxSubtotal", 0, "TaxCategory") as Node;
    expect(category.ID).toBe("O");
    expect(category.Percent).toBeUndefined();
  });
});

describe("buildUbl amounts", () => {
  it("keeps Shopify's fixed VAT and the amount the customer paid", () => {
    const input = cases["domestic-shipping-paid-fixed-vat"] as UblInput;
    const doc = invoice("domestic-shipping-paid-fixed-vat");
    const totals = doc.LegalMonetaryTotal as Node;
    expect(at(doc, "TaxTotal", 0, "TaxSubtotal", 0, "TaxAmount", "#text")).toBe("5.50");
    expect(text(totals.TaxInclusiveAmount)).toBe((input.totals.grossCents / 100).toFixed(2));
    expect(text(totals.PrepaidAmount)).toBe((input.totals.paidCents / 100).toFixed(2));
    expect(text(totals.PayableAmount)).toBe("0.00");
    expect(totals.PayableRoundingAmount).toBeUndefined();
    expect(doc.PaymentMeans).toBeUndefined(); // nothing left to pay
  });

  it("states the exemption reason on the breakdown, not on lines", () => {
    const doc = invoice("intra-eu-goods-k-de");
    const category = at(doc, "TaxTotal", 0, "TaxSubtotal", 0, "TaxCategory") as Node;
    expect(category.TaxExemptionReasonCode).toBe("VATEX-EU-IC");
    expect(category.TaxExemptionReason).toBe(
      "Steuerfreie innergemeinschaftliche Lieferung – Art. 39bis MwStGB",
    );
    expect(
      at(doc, "InvoiceLine", 0, "Item", "ClassifiedTaxCategory", "TaxExemptionReason"),
    ).toBeUndefined();
    // The day the goods left, as given: never the issue date standing in for it.
    expect(at(doc, "Delivery", "ActualDeliveryDate")).toBe("2026-11-18");
    expect(
      at(doc, "Delivery", "DeliveryLocation", "Address", "Country", "IdentificationCode"),
    ).toBe("DE");
  });

  it("states the VAT in euro as well on a USD invoice", () => {
    const doc = invoice("usd-with-eur-vat");
    expect(doc.TaxCurrencyCode).toBe("EUR");
    const [main, eur] = doc.TaxTotal as Node[];
    expect(at(main, "TaxAmount")).toEqual({ "#text": "21.00", "@currencyID": "USD" });
    expect(at(eur, "TaxAmount")).toEqual({ "#text": "19.34", "@currencyID": "EUR" });
    expect(at(doc, "PaymentMeans", "PaymentMeansCode", "#text")).toBe("30");
  });
});

describe("buildUbl dates of the supply", () => {
  const domestic = cases["domestic-21-12-6-b2b"] as UblInput;

  it("states the tax point date only when it differs from the issue date (BT-7)", () => {
    expect(invoice("domestic-21-12-6-b2b").TaxPointDate).toBeUndefined();
    const earlier = parse(buildUbl({ ...domestic, taxPointDate: "2026-10-30" })).Invoice as Node;
    expect(earlier.TaxPointDate).toBe("2026-10-30");
    // Schema order: after the note, before the currency.
    const xml = buildUbl({ ...domestic, taxPointDate: "2026-10-30" });
    expect(xml.indexOf("<cbc:TaxPointDate>")).toBeGreaterThan(xml.indexOf("<cbc:Note>"));
    expect(xml.indexOf("<cbc:TaxPointDate>")).toBeLessThan(
      xml.indexOf("<cbc:DocumentCurrencyCode>"),
    );
  });

  it("writes no delivery date that was not given", () => {
    expect(at(invoice("domestic-21-12-6-b2b"), "Delivery", "ActualDeliveryDate")).toBeUndefined();
  });

  it("puts a credit note's tax point date where its schema wants it", () => {
    const credit = cases["credit-note-partial"] as UblInput;
    const xml = buildUbl({ ...credit, taxPointDate: "2026-10-30" });
    expect(xml.indexOf("<cbc:TaxPointDate>")).toBeGreaterThan(xml.indexOf("<cbc:IssueDate>"));
    expect(xml.indexOf("<cbc:TaxPointDate>")).toBeLessThan(xml.indexOf("<cbc:CreditNoteTypeCode>"));
  });
});

describe("buildUbl credit notes", () => {
  const doc = parse(buildUbl(cases["credit-note-partial"] as UblInput)).CreditNote as Node;

  it("is a CreditNote 381 that references the invoice", () => {
    expect(doc.CreditNoteTypeCode).toBe("381");
    expect(doc.DueDate).toBeUndefined();
    expect(at(doc, "BillingReference", "InvoiceDocumentReference")).toEqual({
      ID: "F2026-000123",
      IssueDate: "2026-11-20",
    });
    expect(doc.Note).toBe(
      "Btw terug te storten aan de Staat in de mate waarin zij oorspronkelijk in aftrek werd gebracht.",
    );
    expect(doc.PaymentMeans).toBeUndefined();
    expect(at(doc, "CreditNoteLine", 0, "CreditedQuantity")).toEqual({
      "#text": "1",
      "@unitCode": "C62",
    });
  });
});

describe("buildUbl refuses what the validator would refuse", () => {
  const error = (input: UblInput) => {
    try {
      buildUbl(input);
    } catch (e) {
      if (e instanceof UblError) return { code: e.code, rule: e.rule };
    }
    return null;
  };
  const goods = [
    {
      description: "Bag",
      quantity: "1",
      unitPriceCents: 1000,
      priceMode: "excl",
      vatCategory: "K",
      vatRateBp: 0,
    },
  ] as const;
  const header = {
    kind: "invoice",
    number: "F1",
    issueDate: "2026-11-20",
    dueDate: null,
    language: "en",
    seller: SELLER,
  } as const;

  it("an intra-EU supply to a buyer without VAT number (BR-IC-02)", () => {
    expect(error(priced({ ...header, buyer: { ...DE_COMPANY, vatNumber: null } }, goods))).toEqual({
      code: "buyer_vat_required",
      rule: "BR-IC-02",
    });
  });

  it("an intra-EU supply without the date the goods left (BR-IC-11)", () => {
    expect(error(priced({ ...header, buyer: DE_COMPANY }, goods))).toEqual({
      code: "delivery_date_required",
      rule: "BR-IC-11",
    });
  });

  it("a seller VAT number that gives no Peppol address", () => {
    expect(error({ ...DOMESTIC_INVOICE, seller: { ...SELLER, vatNumber: "XX123" } })).toEqual({
      code: "seller_incomplete",
      rule: "PEPPOL-EN16931-R020",
    });
  });

  it("a buyer without name or country", () => {
    expect(error({ ...DOMESTIC_INVOICE, buyer: { ...BE_CONSUMER, name: " " } })?.rule).toBe(
      "BR-07",
    );
    expect(error({ ...DOMESTIC_INVOICE, buyer: { ...BE_CONSUMER, country: "" } })?.rule).toBe(
      "BR-11",
    );
  });

  it("an accounting currency equal to the document's (PEPPOL-EN16931-R005)", () => {
    expect(
      error({ ...DOMESTIC_INVOICE, accountingCurrency: { code: "EUR", vatCents: 1 } })?.rule,
    ).toBe("PEPPOL-EN16931-R005");
  });

  it("control characters never reach the XML", () => {
    const input = {
      ...DOMESTIC_INVOICE,
      buyer: { ...DOMESTIC_INVOICE.buyer, company: "Client\u0007 SRL" },
    };
    expect(buildUbl(input)).toContain("<cbc:RegistrationName>Client SRL</cbc:RegistrationName>");
  });
});
