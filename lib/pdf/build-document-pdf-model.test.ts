import { describe, expect, it } from "vitest";
import type { DocumentType } from "@/lib/documents/document-lifecycle";
import { buildDocumentPdfModel } from "./build-document-pdf-model";
import type { DocumentPdfInput } from "./document-pdf-model";

type Doc = DocumentPdfInput["document"];

/** Intl puts narrow/no-break spaces in amounts; compare on plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
type Line = DocumentPdfInput["lines"][number];

const line = (overrides: Partial<Line> = {}): Line => ({
  description: "Chaise",
  sku: null,
  quantity: "2",
  unitPriceCents: 1250,
  priceMode: "excl",
  discountBp: 0,
  vatCategory: "S",
  vatRateBp: 2100,
  netCents: 2500,
  ...overrides,
});

function input(doc: Partial<Doc> = {}, lines: Line[] = [line()]): DocumentPdfInput {
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
        company: "Peeters BV",
        vatNumber: "BE0887654324",
        email: null,
        billing: { street: "Meir 1", postalCode: "2000", city: "Antwerpen", country: "BE" },
        delivery: null,
      },
      language: "fr",
      issueDate: "2026-03-05",
      dueDate: "2026-04-04",
      supplyDate: null,
      currency: "EUR",
      legend: "",
      structuredCommunication: "202600000192",
      sourceName: null,
      vatBreakdown: [
        {
          category: "S",
          rateBp: 2100,
          taxableCents: 2500,
          vatCents: 525,
          grossCents: 3025,
          vatSource: "computed",
          computedVatCents: 525,
          vatDifferenceCents: 0,
        },
      ],
      totalNetCents: 2500,
      totalVatCents: 525,
      totalCents: 3025,
      paidCents: 0,
      ...doc,
    },
    lines,
  };
}

const titles: [DocumentType, Record<"fr" | "nl" | "en" | "de", string>][] = [
  ["order_form", { fr: "Bon de commande", nl: "Bestelbon", en: "Order form", de: "Bestellschein" }],
  [
    "delivery_note",
    { fr: "Bon de livraison", nl: "Leveringsbon", en: "Delivery note", de: "Lieferschein" },
  ],
  ["invoice", { fr: "Facture", nl: "Factuur", en: "Invoice", de: "Rechnung" }],
  ["credit_note", { fr: "Note de crédit", nl: "Creditnota", en: "Credit note", de: "Gutschrift" }],
];

describe("buildDocumentPdfModel", () => {
  it.each(titles)("titles a %s in each language", (type, expected) => {
    for (const language of ["fr", "nl", "en", "de"] as const) {
      expect(buildDocumentPdfModel(input({ type, language })).title).toBe(expected[language]);
    }
  });

  it("formats dates, amounts and rates for <lang>-BE", () => {
    const fr = buildDocumentPdfModel(input());
    expect(fr.issueDate).toBe("05/03/2026");
    expect(fr.totals.total.replace(/\s/g, " ")).toBe("30,25 €");
    expect(fr.lines[0]?.vatRate.replace(/\s/g, " ")).toBe("21 %");
    const de = buildDocumentPdfModel(input({ language: "de" }));
    expect(de.issueDate).toBe("05.03.2026");
    expect(de.labels.structuredCommunication).toBe("Strukturierte Mitteilung");
    const nl = buildDocumentPdfModel(input({ language: "nl" }));
    expect(nl.totals.total.replace(/\s/g, " ")).toBe("€ 30,25");
    expect(nl.labels.total).toBe("Totaal incl. btw");
  });

  it("prints the supply date, in each language, only when it is not the issue date", () => {
    expect(buildDocumentPdfModel(input()).supplyDate).toBeNull();
    expect(buildDocumentPdfModel(input({ supplyDate: "2026-03-05" })).supplyDate).toBeNull();
    const labels = {
      fr: "Date de l'opération",
      nl: "Datum handeling",
      en: "Date of supply",
      de: "Leistungsdatum",
    };
    for (const language of ["fr", "nl", "en", "de"] as const) {
      const model = buildDocumentPdfModel(input({ supplyDate: "2026-02-27", language }));
      expect(model.labels.supplyDate).toBe(labels[language]);
      expect(model.supplyDate).toBe(language === "de" ? "27.02.2026" : "27/02/2026");
    }
  });

  it("prints the buyer's second address line under the first", () => {
    const customer = {
      name: "Sanne de Vries",
      company: null,
      vatNumber: null,
      email: null,
      billing: {
        street: "Prinsengracht 482",
        line2: "2e verdieping",
        postalCode: "1017 KG",
        city: "Amsterdam",
        country: "NL",
      },
      delivery: null,
    };
    expect(buildDocumentPdfModel(input({ customer, language: "nl" })).buyer?.addressLines).toEqual([
      "Prinsengracht 482",
      "2e verdieping",
      "1017 KG Amsterdam",
      "Nederland",
    ]);
  });

  it("prints seller and buyer VAT numbers in their printed form and the IBAN in groups", () => {
    const model = buildDocumentPdfModel(input());
    expect(model.seller.vatNumber).toBe("BE 0123.456.749");
    expect(model.buyer?.vatNumber).toBe("BE 0887.654.324");
    expect(model.buyer?.name).toBe("Peeters BV");
    expect(model.buyer?.contact).toBe("Marie Peeters");
    expect(model.seller.iban).toBe("BE68 5390 0754 7034");
  });

  it("gives an invoice with an amount due a payment block with OGM and EPC QR code", () => {
    const payment = buildDocumentPdfModel(input()).payment;
    expect(payment?.structuredCommunication).toBe("+++202/6000/00192+++");
    expect(payment?.qrCode?.payload).toBe(
      "BCD\n002\n1\nSCT\nGEBABEBB\nAtelier Dupont SRL\nBE68539007547034\nEUR30.25\n\n+++202/6000/00192+++",
    );
    expect(payment?.qrCode?.pngDataUrl).toMatch(/^data:image\/png;base64,/);
  });

  it("asks only the remaining amount once partly paid, and nothing once paid", () => {
    const partial = buildDocumentPdfModel(input({ paidCents: 1000, status: "partially_paid" }));
    expect(partial.payment?.qrCode?.payload).toContain("\nEUR20.25\n");
    expect(partial.totals.due?.replace(/\s/g, " ")).toBe("20,25 €");
    expect(buildDocumentPdfModel(input({ paidCents: 3025, status: "paid" })).payment).toBeNull();
  });

  it("prints the online pay links, each with a QR code of the link, in the document's language", () => {
    const links = [
      { provider: "mollie", url: "https://facturo.test/d/tok/pay/mollie" },
      { provider: "bancontact", url: "https://facturo.test/d/tok/pay/bancontact" },
    ] as const;
    const online = buildDocumentPdfModel({ ...input(), onlinePayments: links }).payment?.online;
    expect(online?.map((way) => [way.label, way.url])).toEqual([
      ["Payer en ligne (Bancontact, carte…)", links[0].url],
      ["Payer avec Bancontact Pay (Payconiq)", links[1].url],
    ]);
    expect(online?.[0]?.qrPngDataUrl).toMatch(/^data:image\/png;base64,/);
    const draft = { ...input({ status: "concept", number: null }), onlinePayments: links };
    expect(buildDocumentPdfModel(draft).payment?.online).toEqual([]);
  });

  it("gives no payment block to other document types and no QR code to drafts", () => {
    expect(buildDocumentPdfModel(input({ type: "order_form" })).payment).toBeNull();
    expect(buildDocumentPdfModel(input({ type: "credit_note" })).payment).toBeNull();
    const draft = buildDocumentPdfModel(
      input({ status: "concept", number: null, structuredCommunication: null }),
    );
    expect(draft.isDraft).toBe(true);
    expect(draft.numberText).toBe("Brouillon");
    expect(draft.fileStem).toBe("concept");
    expect(draft.payment?.qrCode).toBeNull();
    expect(draft.payment?.iban).toBe("BE68 5390 0754 7034");
  });

  it("prints the invoice without a QR code when the payment does not fit one", () => {
    const model = buildDocumentPdfModel(input({ totalCents: 100_000_000_000 }));
    expect(model.payment?.qrCode).toBeNull();
    expect(model.payment?.structuredCommunication).toBe("+++202/6000/00192+++");
  });

  it("needs no VAT mention for standard-rate lines", () => {
    expect(buildDocumentPdfModel(input()).mentions).toEqual([]);
  });

  it("prints the reverse-charge mention with the customer's VAT number", () => {
    const foreign = input(
      {
        customer: {
          name: "Hans Müller",
          company: "Müller GmbH",
          vatNumber: "DE123456789",
          email: null,
          billing: { street: "Hauptstraße 1", postalCode: "10115", city: "Berlin", country: "DE" },
          delivery: null,
        },
        vatBreakdown: [],
        language: "de",
      },
      [line({ vatCategory: "AE", vatRateBp: 0 })],
    );
    const model = buildDocumentPdfModel(foreign);
    expect(model.mentions).toEqual([
      "Steuerschuldnerschaft des Leistungsempfängers – USt-IdNr. des Kunden DE123456789",
    ]);
    expect(model.lines[0]?.vatRate).toBe("Reverse Ch.");
    expect(model.buyer?.addressLines).toEqual(["Hauptstraße 1", "10115 Berlin", "Deutschland"]);
  });

  it("cites art. 51 §2 for a Belgian customer under reverse charge", () => {
    const model = buildDocumentPdfModel(
      input({ vatBreakdown: [] }, [line({ vatCategory: "AE", vatRateBp: 0 })]),
    );
    expect(model.mentions).toEqual([
      "Autoliquidation – art. 51 §2 CTVA – N° TVA client BE 0887.654.324",
    ]);
  });

  it("prints one mention per exemption, in the document's language", () => {
    const model = buildDocumentPdfModel(
      input({ language: "nl", vatBreakdown: [] }, [
        line({ vatCategory: "K", vatRateBp: 0 }),
        line({ vatCategory: "G", vatRateBp: 0 }),
        line({ vatCategory: "K", vatRateBp: 0 }),
      ]),
    );
    expect(model.mentions).toEqual([
      "Vrijgestelde intracommunautaire levering – art. 39bis WBTW – Btw-nummer klant BE 0887.654.324",
      "Vrijgesteld – uitvoer, art. 39 WBTW",
    ]);
  });

  it("refers a credit note to its invoice and adds the VAT repayment wording", () => {
    const model = buildDocumentPdfModel({
      ...input({ type: "credit_note", language: "nl" }),
      creditedDocument: { number: "2026-0007", issueDate: "2026-02-01" },
    });
    expect(model.creditedInvoice).toBe("2026-0007 (01/02/2026)");
    expect(model.mentions).toContain(
      "Btw terug te storten aan de Staat in de mate waarin zij oorspronkelijk in aftrek werd gebracht.",
    );
  });

  it("cleans hostile text without losing readable content", () => {
    const model = buildDocumentPdfModel(
      input({}, [line({ description: "<script>\u0007x</script> 🚀 \u202eevil", sku: "  " })]),
    );
    expect(model.lines[0]?.description).toBe("<script>x</script> evil");
    expect(model.lines[0]?.sku).toBeNull();
  });

  it("prints every unit price excluding VAT, a VAT-inclusive price under it (art. 5 §1, 6°)", () => {
    // 12.10 incl. 21 % is 10.00 excl.; 1.5 × 12.10 = 18.15 incl. → 15.00 net.
    const model = buildDocumentPdfModel(
      input({}, [
        line(),
        line({ priceMode: "incl", quantity: "1.5", unitPriceCents: 1210, netCents: 1500 }),
        line({
          priceMode: "incl",
          vatCategory: "E",
          vatRateBp: 0,
          unitPriceCents: 500,
          netCents: 500,
        }),
      ]),
    );
    expect(model.unitPriceLabel).toBe("Prix unit. HTVA");
    expect(
      model.lines.map((l) => [plain(l.unitPrice), l.unitPriceIncl && plain(l.unitPriceIncl)]),
    ).toEqual([
      ["12,50 €", null],
      ["10,00 €", "TVAC 12,10 €"],
      ["5,00 €", null],
    ]);
    expect(model.lines[1]?.quantity).toBe("1,5");
  });

  it("prints a discount as an amount, with its percentage only when it was one", () => {
    const model = buildDocumentPdfModel(
      input({}, [
        // A fixed 2.79 share of a Shopify code on 29.50 (once printed as "9,46 %").
        line({ quantity: "1", unitPriceCents: 2950, discountCents: 279, netCents: 2671 }),
        // 10 % typed by hand: 10 % of 25.00.
        line({ discountBp: 1000, netCents: 2250 }),
        // A Shopify 10 % code, incl. VAT: 3.50 off 34.95 at 6 % → 3.30 excl.
        line({
          quantity: "1",
          priceMode: "incl",
          unitPriceCents: 3495,
          discountBp: 1000,
          discountCents: 350,
          vatRateBp: 600,
          netCents: 2967,
        }),
        line(),
      ]),
    );
    expect(model.showDiscount).toBe(true);
    expect(
      model.lines.map((l) => [
        l.discount && plain(l.discount),
        l.discountPercent && plain(l.discountPercent),
      ]),
    ).toEqual([
      ["−2,79 €", null],
      ["−2,50 €", "10 %"],
      ["−3,30 €", "10 %"],
      [null, null],
    ]);
  });
});

describe("a Peppol-first document's PDF", () => {
  it("prints the copy line it is given, and none on a draft", () => {
    const notice = "Copy — the legal invoice was delivered over Peppol";
    expect(buildDocumentPdfModel({ ...input(), copyNotice: notice }).copyNotice).toBe(notice);
    expect(buildDocumentPdfModel(input()).copyNotice).toBeNull();
    const draft = input({ status: "concept", number: null });
    expect(buildDocumentPdfModel({ ...draft, copyNotice: notice }).copyNotice).toBeNull();
  });
});
