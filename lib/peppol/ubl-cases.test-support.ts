import {
  computeDocumentTotals,
  type FixedVatAmount,
  type PriceMode,
  type VatCategory,
} from "@/lib/vat";
import type { UblBuyer, UblInput, UblLine, UblSeller } from "./ubl-input";

/**
 * Hand-made documents for the validation matrix. Amounts always come from
 * `computeDocumentTotals`, as in the app, never typed in: the matrix proves that what
 * Facturo stores converts, not that a hand-picked XML passes. Every party and number is
 * fictitious; the Belgian numbers have valid check digits (docs/belgian-invoicing.md §1.4).
 */
export const SELLER: UblSeller = {
  name: "Voorbeeld Webshop BV",
  vatNumber: "BE0123456749",
  street: "Voorbeeldstraat 1",
  postalCode: "9000",
  city: "Gent",
  country: "BE",
  iban: "BE68 5390 0754 7034",
  bic: "GKCCBEBB",
};

export const BE_COMPANY: UblBuyer = {
  name: "Jan Peeters",
  company: "Client Exemple SRL",
  vatNumber: "BE1012345646",
  street: "Klantenlaan 42",
  postalCode: "5000",
  city: "Namur",
  country: "BE",
  email: "factures@client.example",
};

export const BE_CONSUMER: UblBuyer = {
  name: "Marie Dubois",
  street: "Rue de la Station 7",
  postalCode: "1300",
  city: "Wavre",
  country: "BE",
  email: "marie@example.com",
};

export const NL_COMPANY: UblBuyer = {
  name: "Voorbeeld Klant BV",
  company: "Voorbeeld Klant BV",
  vatNumber: "NL123456789B01",
  street: "Grachtweg 7",
  postalCode: "3511 AA",
  city: "Utrecht",
  country: "NL",
};

export const DE_COMPANY: UblBuyer = {
  name: "Muster Handel GmbH",
  company: "Muster Handel GmbH",
  vatNumber: "DE123456789",
  street: "Musterstraße 12",
  postalCode: "10115",
  city: "Berlin",
  country: "DE",
};

export const US_COMPANY: UblBuyer = {
  name: "Example Trading Inc.",
  company: "Example Trading Inc.",
  street: "1 Main Street",
  postalCode: "10001",
  city: "New York",
  country: "US",
};

export interface LineSpec {
  readonly description: string;
  readonly sku?: string;
  readonly quantity: string;
  readonly unitPriceCents: number;
  readonly priceMode: PriceMode;
  readonly discountBp?: number;
  readonly vatCategory: VatCategory;
  readonly vatRateBp: number;
}

export type DocumentSpec = Omit<UblInput, "lines" | "vatBreakdown" | "totals" | "currency"> & {
  readonly currency?: string;
  readonly paid?: "none" | "all";
};

/** A document priced by lib/vat, with Shopify-style fixed VAT when given. */
export function priced(
  spec: DocumentSpec,
  lineSpecs: readonly LineSpec[],
  fixedVat?: readonly FixedVatAmount[],
): UblInput {
  const currency = spec.currency ?? "EUR";
  const totals = computeDocumentTotals(lineSpecs, { currency, fixedVat });
  const lines: UblLine[] = lineSpecs.map((line, index) => {
    const amounts = totals.lines[index];
    if (!amounts) throw new Error(`no totals for line ${index}`);
    return {
      ...line,
      sku: line.sku ?? null,
      discountBp: line.discountBp ?? 0,
      netCents: amounts.netCents,
      vatCents: amounts.vatCents,
      grossCents: amounts.grossCents,
    };
  });
  const { paid, ...rest } = spec;
  return {
    ...rest,
    currency,
    lines,
    vatBreakdown: totals.vatBreakdown,
    totals: {
      netCents: totals.netCents,
      vatCents: totals.vatCents,
      grossCents: totals.grossCents,
      paidCents: paid === "all" ? totals.grossCents : 0,
    },
  };
}

const header = {
  issueDate: "2026-11-20",
  dueDate: "2026-12-04",
  language: "nl",
  seller: SELLER,
} as const;

const DOMESTIC_LINES: readonly LineSpec[] = [
  {
    description: "T-shirt",
    sku: "TS-001",
    quantity: "2",
    unitPriceCents: 2500,
    priceMode: "excl",
    vatCategory: "S",
    vatRateBp: 2100,
  },
  {
    description: "Hoodie",
    sku: "HD-002",
    quantity: "1",
    unitPriceCents: 4550,
    priceMode: "excl",
    vatCategory: "S",
    vatRateBp: 2100,
  },
  {
    description: "Lunch (catering)",
    quantity: "1.5",
    unitPriceCents: 3333,
    priceMode: "excl",
    vatCategory: "S",
    vatRateBp: 1200,
  },
  {
    description: "Boek",
    sku: "BK-003",
    quantity: "3",
    unitPriceCents: 1200,
    priceMode: "excl",
    vatCategory: "S",
    vatRateBp: 600,
  },
];

export const DOMESTIC_INVOICE = priced(
  {
    ...header,
    kind: "invoice",
    number: "F2026-000123",
    buyer: BE_COMPANY,
    orderReference: "#1042",
    structuredCommunication: "202600012320",
    pdf: {
      filename: "F2026-000123.pdf",
      base64: Buffer.from("%PDF-1.4 fictitious").toString("base64"),
    },
  },
  DOMESTIC_LINES,
);

/** Every hand-made case of the matrix, by file name. */
export function handMadeCases(): Record<string, UblInput> {
  return {
    "domestic-21-12-6-b2b": DOMESTIC_INVOICE,
    "domestic-discounts-incl": priced(
      {
        ...header,
        kind: "invoice",
        number: "F2026-000124",
        buyer: BE_COMPANY,
        structuredCommunication: "202600012421",
      },
      [
        {
          description: "Koffiebonen 1 kg",
          quantity: "3",
          unitPriceCents: 1999,
          priceMode: "incl",
          discountBp: 1000,
          vatCategory: "S",
          vatRateBp: 600,
        },
        {
          description: "Molen",
          quantity: "1",
          unitPriceCents: 8999,
          priceMode: "incl",
          discountBp: 1250,
          vatCategory: "S",
          vatRateBp: 2100,
        },
        {
          description: "Mok",
          quantity: "4",
          unitPriceCents: 795,
          priceMode: "incl",
          discountBp: 333,
          vatCategory: "S",
          vatRateBp: 2100,
        },
        {
          description: "Korting: Molen",
          quantity: "-1",
          unitPriceCents: 333,
          priceMode: "incl",
          vatCategory: "S",
          vatRateBp: 2100,
        },
      ],
    ),
    "domestic-shipping-paid-fixed-vat": priced(
      {
        ...header,
        kind: "invoice",
        number: "F2026-000125",
        buyer: BE_COMPANY,
        orderReference: "#1046",
        paid: "all",
        dueDate: null,
      },
      [
        {
          description: "Tote bag",
          quantity: "1",
          unitPriceCents: 2950,
          priceMode: "incl",
          discountBp: 946,
          vatCategory: "S",
          vatRateBp: 2100,
        },
        {
          description: "Thee",
          quantity: "1",
          unitPriceCents: 1550,
          priceMode: "incl",
          discountBp: 940,
          vatCategory: "S",
          vatRateBp: 600,
        },
        {
          description: "Verzending",
          quantity: "1",
          unitPriceCents: 495,
          priceMode: "incl",
          vatCategory: "S",
          vatRateBp: 2100,
        },
      ],
      // Shopify's per-line tax: 21 % group 5.50 where round(taxable × 21 %) is 5.49.
      [
        { category: "S", rateBp: 2100, vatCents: 550 },
        { category: "S", rateBp: 600, vatCents: 79 },
      ],
    ),
    "reverse-charge-ae-nl": priced(
      {
        ...header,
        kind: "invoice",
        number: "F2026-000126",
        language: "en",
        buyer: NL_COMPANY,
        structuredCommunication: "202600012623",
      },
      [
        {
          description: "Webshop consultancy (hours)",
          quantity: "7.5",
          unitPriceCents: 9500,
          priceMode: "excl",
          vatCategory: "AE",
          vatRateBp: 0,
        },
        {
          description: "Travel costs",
          quantity: "1",
          unitPriceCents: 4500,
          priceMode: "excl",
          vatCategory: "AE",
          vatRateBp: 0,
        },
      ],
    ),
    "reverse-charge-ae-domestic": priced(
      { ...header, kind: "invoice", number: "F2026-000127", buyer: BE_COMPANY },
      [
        {
          description: "Plaatsen zonnepanelen",
          quantity: "1",
          unitPriceCents: 425000,
          priceMode: "excl",
          vatCategory: "AE",
          vatRateBp: 0,
        },
      ],
    ),
    "intra-eu-goods-k-de": priced(
      {
        ...header,
        kind: "invoice",
        number: "F2026-000128",
        language: "de",
        buyer: DE_COMPANY,
        orderReference: "#1050",
        delivery: {
          // The day the goods left: an intra-EU supply must state it (BR-IC-11).
          date: "2026-11-18",
          address: { street: "Lagerweg 3", postalCode: "20095", city: "Hamburg", country: "DE" },
        },
      },
      [
        {
          description: "Rucksack",
          sku: "RS-9",
          quantity: "10",
          unitPriceCents: 4200,
          priceMode: "excl",
          discountBp: 500,
          vatCategory: "K",
          vatRateBp: 0,
        },
        {
          description: "Versand",
          quantity: "1",
          unitPriceCents: 1500,
          priceMode: "excl",
          vatCategory: "K",
          vatRateBp: 0,
        },
      ],
    ),
    "export-g-us": priced(
      {
        ...header,
        kind: "invoice",
        number: "F2026-000129",
        language: "en",
        buyer: US_COMPANY,
        paid: "all",
      },
      [
        {
          description: "Ceramic vase",
          quantity: "2",
          unitPriceCents: 6500,
          priceMode: "excl",
          vatCategory: "G",
          vatRateBp: 0,
        },
        {
          description: "Shipping",
          quantity: "1",
          unitPriceCents: 3900,
          priceMode: "excl",
          vatCategory: "G",
          vatRateBp: 0,
        },
      ],
    ),
    "exempt-e-small-enterprise": priced(
      {
        ...header,
        kind: "invoice",
        number: "F2026-000130",
        language: "fr",
        buyer: BE_CONSUMER,
        vatMentions: { E: "small_enterprise" },
      },
      [
        {
          description: "Cours de poterie",
          quantity: "2",
          unitPriceCents: 4500,
          priceMode: "excl",
          vatCategory: "E",
          vatRateBp: 0,
        },
      ],
    ),
    "zero-total-free-order": priced(
      {
        ...header,
        kind: "invoice",
        number: "F2026-000131",
        buyer: BE_CONSUMER,
        orderReference: "#1045",
        paid: "all",
      },
      [
        {
          description: "Sokken",
          quantity: "2",
          unitPriceCents: 1450,
          priceMode: "incl",
          discountBp: 10000,
          vatCategory: "S",
          vatRateBp: 2100,
        },
        {
          description: "Kookboek",
          quantity: "1",
          unitPriceCents: 980,
          priceMode: "incl",
          discountBp: 10000,
          vatCategory: "S",
          vatRateBp: 600,
        },
        {
          description: "Verzending",
          quantity: "1",
          unitPriceCents: 0,
          priceMode: "incl",
          vatCategory: "Z",
          vatRateBp: 0,
        },
      ],
    ),
    "consumer-no-vat-number": priced(
      {
        ...header,
        kind: "invoice",
        number: "F2026-000132",
        language: "fr",
        buyer: BE_CONSUMER,
        orderReference: "#1041",
        structuredCommunication: "202600013229",
      },
      [
        {
          description: "Bougie parfumée",
          quantity: "2",
          unitPriceCents: 2495,
          priceMode: "incl",
          vatCategory: "S",
          vatRateBp: 2100,
        },
        {
          description: "Livraison",
          quantity: "1",
          unitPriceCents: 695,
          priceMode: "incl",
          vatCategory: "S",
          vatRateBp: 2100,
        },
      ],
    ),
    "credit-note-full": creditNote("C2026-000007", DOMESTIC_LINES),
    "credit-note-partial": creditNote("C2026-000008", [DOMESTIC_LINES[1] as LineSpec]),
    // Supplied before the day it was issued: BT-7 on both kinds (art. 5 §1, 4° KB nr. 1).
    "supply-date-before-issue": { ...DOMESTIC_INVOICE, taxPointDate: "2026-10-30" },
    "credit-note-supply-date": {
      ...creditNote("C2026-000010", [DOMESTIC_LINES[1] as LineSpec]),
      taxPointDate: "2026-10-30",
    },
    "credit-note-correction-line": creditNote("C2026-000009", [
      {
        description: "Prijscorrectie T-shirt",
        quantity: "2",
        unitPriceCents: 250,
        priceMode: "excl",
        vatCategory: "S",
        vatRateBp: 2100,
      },
      {
        description: "Te weinig gecrediteerd",
        quantity: "-1",
        unitPriceCents: 100,
        priceMode: "excl",
        vatCategory: "S",
        vatRateBp: 2100,
      },
    ]),
    "usd-with-eur-vat": priced(
      {
        ...header,
        kind: "invoice",
        number: "F2026-000133",
        language: "en",
        currency: "USD",
        buyer: BE_COMPANY,
        // 21.00 USD VAT at an illustrative 0.9210 EUR/USD → 19.34 EUR (BT-111).
        accountingCurrency: { code: "EUR", vatCents: 1934 },
      },
      [
        {
          description: "Design licence",
          quantity: "1",
          unitPriceCents: 10000,
          priceMode: "excl",
          vatCategory: "S",
          vatRateBp: 2100,
        },
      ],
    ),
    "out-of-scope-only-gift-card": priced(
      {
        ...header,
        kind: "invoice",
        number: "F2026-000134",
        buyer: BE_CONSUMER,
        orderReference: "#1047",
        paid: "all",
      },
      [
        {
          description: "Cadeaubon",
          quantity: "1",
          unitPriceCents: 5000,
          priceMode: "incl",
          vatCategory: "O",
          vatRateBp: 0,
        },
      ],
    ),
    "tip-set-aside": priced(
      {
        ...header,
        kind: "invoice",
        number: "F2026-000135",
        buyer: BE_CONSUMER,
        orderReference: "#1048",
        paid: "all",
      },
      [
        {
          description: "Taart",
          quantity: "1",
          unitPriceCents: 2400,
          priceMode: "incl",
          vatCategory: "S",
          vatRateBp: 600,
        },
        {
          description: "Fooi",
          quantity: "1",
          unitPriceCents: 300,
          priceMode: "incl",
          vatCategory: "O",
          vatRateBp: 0,
        },
      ],
    ),
  };
}

function creditNote(number: string, lines: readonly LineSpec[]): UblInput {
  return priced(
    {
      ...header,
      kind: "credit_note",
      number,
      dueDate: null,
      buyer: BE_COMPANY,
      orderReference: "#1042",
      precedingInvoice: { number: DOMESTIC_INVOICE.number, issueDate: DOMESTIC_INVOICE.issueDate },
    },
    lines,
  );
}
