import { describe, expect, it } from "vitest";
import type { DocumentRow } from "@/db/queries/documents";
import { documentJson } from "./document-json";

const row = (changes: Partial<DocumentRow> = {}): DocumentRow => ({
  id: "00000000-0000-4000-8000-00000000d0c1",
  organisationId: "00000000-0000-4000-8000-000000000001",
  type: "invoice",
  status: "partially_paid",
  number: "2026-0003",
  sequence: 3,
  periodKey: "2026",
  customerId: "00000000-0000-4000-8000-0000000000c1",
  customer: {
    name: "Sanne de Vries",
    company: "Koffiebranderij De Vries B.V.",
    vatNumber: "NL859310447B01",
    email: "sanne@devries-koffie.example.nl",
    billing: {
      street: "Prinsengracht 482",
      line2: "2e verdieping",
      postalCode: "1017 KG",
      city: "Amsterdam",
      country: "NL",
    },
    delivery: { street: "Lagerweg 3", postalCode: "1043 AA", city: "Amsterdam", country: "NL" },
    language: "en",
    origin: "order",
  },
  seller: null,
  language: "nl",
  issueDate: "2026-12-07",
  dueDate: "2027-01-06",
  supplyDate: "2026-11-16",
  deliveryDate: null,
  currency: "EUR",
  legend: "",
  structuredCommunication: "026000000339",
  creditedDocumentId: null,
  source: "shopify",
  sourceId: "6610083362703",
  sourceName: "#1071",
  sourceKey: null,
  paidOnIssue: null,
  fixedVat: null,
  vatTotalEurCents: null,
  vatBreakdown: [],
  totalNetCents: 30317,
  totalVatCents: 4243,
  totalCents: 34560,
  paidCents: 10000,
  publicToken: "token",
  finalisedAt: new Date("2026-12-07T10:00:00Z"),
  createdAt: new Date("2026-12-07T09:00:00Z"),
  updatedAt: new Date("2026-12-07T10:00:00Z"),
  ...changes,
});

describe("documentJson (GET /api/v1/documents/{id})", () => {
  it("gives the document's own buyer, its dates and what is still due", () => {
    expect(documentJson(row())).toMatchObject({
      issue_date: "2026-12-07",
      supply_date: "2026-11-16",
      delivery_date: null,
      paid_cents: 10000,
      amount_due_cents: 24560,
      customer: {
        id: "00000000-0000-4000-8000-0000000000c1",
        name: "Sanne de Vries",
        company_name: "Koffiebranderij De Vries B.V.",
        vat_number: "NL859310447B01",
        email: "sanne@devries-koffie.example.nl",
        language: "en",
        address: {
          line1: "Prinsengracht 482",
          line2: "2e verdieping",
          postal_code: "1017 KG",
          city: "Amsterdam",
          country: "NL",
        },
        delivery_address: {
          line1: "Lagerweg 3",
          line2: null,
          postal_code: "1043 AA",
          city: "Amsterdam",
          country: "NL",
        },
      },
    });
  });

  it("an older snapshot without a language takes the document's; other types owe nothing", () => {
    const older = row({
      type: "credit_note",
      customer: {
        name: "Jan",
        company: null,
        vatNumber: null,
        email: null,
        billing: { street: "Meir 1", postalCode: "2000", city: "Antwerpen", country: "BE" },
        delivery: null,
      },
    });
    expect(documentJson(older)).toMatchObject({
      amount_due_cents: 0,
      customer: { language: "nl", address: { line2: null }, delivery_address: null },
    });
    expect(documentJson(row({ customer: null })).customer).toBeNull();
    expect(documentJson(row({ paidCents: 40000 })).amount_due_cents).toBe(0);
  });
});
