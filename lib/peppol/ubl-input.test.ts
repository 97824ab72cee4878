import { describe, expect, it } from "vitest";
import type { DocumentLineRow, DocumentRow } from "@/db/queries/documents";
import { ORGANISATION } from "./shopify-fixture-cases.test-support";
import { UblError } from "./ubl-error";
import { toUblInput } from "./ubl-input";

const when = new Date("2026-11-20T10:00:00Z");

const DOCUMENT: DocumentRow = {
  id: "00000000-0000-4000-8000-00000000d0c1",
  organisationId: ORGANISATION.id,
  seller: null,
  type: "invoice",
  status: "sent",
  number: "F2026-000123",
  sequence: 123,
  periodKey: "2026",
  customerId: null,
  customer: {
    name: "Jan Peeters",
    company: "Client Exemple SRL",
    vatNumber: "BE1012345646",
    email: "jan@client.example",
    billing: { street: "Klantenlaan 42", postalCode: "5000", city: "Namur", country: "BE" },
    delivery: { street: "Magazijnstraat 1", postalCode: "2000", city: "Antwerpen", country: "BE" },
  },
  language: "nl",
  issueDate: "2026-11-20",
  dueDate: "2026-12-20",
  supplyDate: null,
  deliveryDate: null,
  currency: "EUR",
  legend: "",
  structuredCommunication: "202600012320",
  creditedDocumentId: null,
  source: "shopify",
  sourceId: "820982911946154508",
  sourceName: "#1042",
  sourceKey: null,
  paidOnIssue: null,
  fixedVat: null,
  vatTotalEurCents: null,
  vatBreakdown: [
    {
      category: "S",
      rateBp: 2100,
      taxableCents: 5000,
      vatCents: 1050,
      grossCents: 6050,
      vatSource: "computed",
      computedVatCents: 1050,
      vatDifferenceCents: 0,
    },
  ],
  totalNetCents: 5000,
  totalVatCents: 1050,
  totalCents: 6050,
  paidCents: 0,
  publicToken: "token",
  finalisedAt: when,
  createdAt: when,
  updatedAt: when,
};

const line = (position: number, description: string, netCents: number): DocumentLineRow => ({
  id: `00000000-0000-4000-8000-00000000000${position}`,
  organisationId: ORGANISATION.id,
  documentId: DOCUMENT.id,
  position,
  description,
  sku: null,
  discountCents: null,
  quantity: "1",
  unitPriceCents: netCents,
  priceMode: "excl",
  discountBp: 0,
  vatCategory: "S",
  vatRateBp: 2100,
  vatCountry: "BE",
  netCents,
  vatCents: Math.round(netCents * 0.21),
  grossCents: netCents + Math.round(netCents * 0.21),
  restock: true,
});

const LINES = [line(1, "Second", 2000), line(0, "First", 3000)];

function code(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof UblError) return error.code;
  }
  return "no error";
}

describe("toUblInput", () => {
  it("maps the document, its customer snapshot and the organisation", () => {
    const input = toUblInput(DOCUMENT, LINES, ORGANISATION);
    expect(input).toMatchObject({
      kind: "invoice",
      number: "F2026-000123",
      issueDate: "2026-11-20",
      dueDate: "2026-12-20",
      currency: "EUR",
      language: "nl",
      orderReference: "#1042",
      structuredCommunication: "202600012320",
      precedingInvoice: null,
      seller: {
        name: "Voorbeeld Webshop BV",
        vatNumber: "BE0123456749",
        country: "BE",
        bic: "GKCCBEBB",
      },
      buyer: {
        name: "Jan Peeters",
        company: "Client Exemple SRL",
        vatNumber: "BE1012345646",
        city: "Namur",
        country: "BE",
      },
      delivery: { address: { city: "Antwerpen", country: "BE" } },
      vatBreakdown: [{ category: "S", rateBp: 2100, taxableCents: 5000, vatCents: 1050 }],
      totals: { netCents: 5000, vatCents: 1050, grossCents: 6050, paidCents: 0 },
    });
    expect(input.lines.map((l) => l.description)).toEqual(["First", "Second"]);
  });

  it("references the credited invoice on a credit note, and insists on it", () => {
    const creditNote: DocumentRow = {
      ...DOCUMENT,
      type: "credit_note",
      number: "C2026-000001",
      creditedDocumentId: DOCUMENT.id,
    };
    const input = toUblInput(creditNote, LINES, ORGANISATION, { credited: DOCUMENT });
    expect(input.kind).toBe("credit_note");
    expect(input.precedingInvoice).toEqual({ number: "F2026-000123", issueDate: "2026-11-20" });
    expect(code(() => toUblInput(creditNote, LINES, ORGANISATION))).toBe(
      "missing_preceding_invoice",
    );
  });

  it("refuses what is not an issued invoice or credit note", () => {
    expect(code(() => toUblInput({ ...DOCUMENT, type: "order_form" }, LINES, ORGANISATION))).toBe(
      "unsupported_document",
    );
    expect(
      code(() => toUblInput({ ...DOCUMENT, status: "concept", number: null }, LINES, ORGANISATION)),
    ).toBe("not_issued");
    expect(code(() => toUblInput(DOCUMENT, LINES, { ...ORGANISATION, vatNumber: null }))).toBe(
      "seller_incomplete",
    );
    expect(code(() => toUblInput({ ...DOCUMENT, customer: null }, LINES, ORGANISATION))).toBe(
      "buyer_incomplete",
    );
    expect(
      code(() => toUblInput(DOCUMENT, [{ ...line(0, "x", 1), vatCategory: "X" }], ORGANISATION)),
    ).toBe("invalid_line");
  });
});
