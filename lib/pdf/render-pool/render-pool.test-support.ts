import type { DocumentPdfInput } from "../document-pdf-model";

/** An invoice of `lineCount` lines: one line renders in milliseconds, 2000 take seconds. */
export function pdfModelInput(lineCount: number): DocumentPdfInput {
  const lines = Array.from({ length: lineCount }, (_, i) => ({
    description: `Line ${i}`,
    sku: null,
    quantity: "1",
    unitPriceCents: 1000,
    priceMode: "excl" as const,
    discountBp: 0,
    vatCategory: "S" as const,
    vatRateBp: 2100,
    netCents: 1000,
  }));
  const net = lineCount * 1000;
  const vat = Math.round(net * 0.21);
  return {
    organisation: {
      legalName: "Atelier Dupont SRL",
      street: "Rue de la Loi 16",
      postalCode: "1000",
      city: "Bruxelles",
      country: "BE",
      vatNumber: "BE0123456749",
      iban: "BE68539007547034",
      bic: "GEBABEBB",
    },
    logo: null,
    document: {
      type: "invoice",
      status: "sent",
      number: "2026-0001",
      customer: {
        name: "Marie Peeters",
        company: null,
        vatNumber: null,
        email: null,
        billing: { street: "Meir 1", postalCode: "2000", city: "Antwerpen", country: "BE" },
        delivery: null,
      },
      language: "en",
      issueDate: "2026-03-05",
      supplyDate: null,
      dueDate: "2026-04-04",
      currency: "EUR",
      legend: "",
      structuredCommunication: "202600000192",
      sourceName: null,
      vatBreakdown: [
        {
          category: "S",
          rateBp: 2100,
          taxableCents: net,
          vatCents: vat,
          grossCents: net + vat,
          vatSource: "computed",
          computedVatCents: vat,
          vatDifferenceCents: 0,
        },
      ],
      totalNetCents: net,
      totalVatCents: vat,
      totalCents: net + vat,
      paidCents: 0,
    },
    lines,
  };
}
