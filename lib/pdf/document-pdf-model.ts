import type { DocumentLineRow, DocumentRow } from "@/db/queries/documents";
import type { Organisation } from "@/db/queries/organisations";
import type { DocumentLanguage } from "@/db/schema/organisations";
import type { DocumentType } from "@/lib/documents/document-lifecycle";
import type { IntlLocale } from "@/lib/money";
import type { PdfLabels } from "./pdf-labels";

/** Plain data the model is built from: rows as the database returns them. */
export interface DocumentPdfInput {
  readonly organisation: Pick<
    Organisation,
    "legalName" | "street" | "postalCode" | "city" | "country" | "vatNumber" | "iban" | "bic"
  > &
    /** Company-law mentions and contact details; absent ones are not printed. */
    Partial<
      Pick<
        Organisation,
        | "legalForm"
        | "enterpriseNumber"
        | "registerCourt"
        | "registeredStreet"
        | "registeredPostalCode"
        | "registeredCity"
        | "inLiquidation"
        | "contactEmail"
        | "phone"
        | "website"
        | "vatFranchise"
      >
    >;
  readonly logo: { readonly contentType: string; readonly data: Uint8Array } | null;
  readonly document: Pick<
    DocumentRow,
    | "type"
    | "status"
    | "number"
    | "customer"
    | "language"
    | "issueDate"
    | "dueDate"
    | "supplyDate"
    | "currency"
    | "legend"
    | "structuredCommunication"
    | "sourceName"
    | "vatBreakdown"
    | "totalNetCents"
    | "totalVatCents"
    | "totalCents"
    | "paidCents"
  > &
    Partial<Pick<DocumentRow, "vatTotalEurCents">>;
  readonly lines: readonly (Pick<
    DocumentLineRow,
    | "description"
    | "sku"
    | "quantity"
    | "unitPriceCents"
    | "priceMode"
    | "discountBp"
    | "vatCategory"
    | "vatRateBp"
    | "netCents"
  > &
    Partial<Pick<DocumentLineRow, "vatCountry" | "discountCents">>)[];
  /** The invoice a credit note corrects (number and date must be printed on it). */
  readonly creditedDocument?: { readonly number: string | null; readonly issueDate: string } | null;
  /**
   * Stable Facturo pay links of the merchant's online payment apps (lib/payments):
   * opening one makes a live payment, so the PDF never holds one that expires.
   */
  readonly onlinePayments?: readonly {
    readonly provider: "mollie" | "bancontact";
    readonly url: string;
  }[];
  /**
   * A Peppol-first document's PDF is a copy: the line that says so (and which copy),
   * already in the document's language (lib/peppol/send/peppol-copy.ts). Null otherwise.
   */
  readonly copyNotice?: string | null;
}

export interface PdfParty {
  readonly name: string;
  /** The contact person when the party is a company; null otherwise. */
  readonly contact: string | null;
  readonly addressLines: readonly string[];
  /** Printed form, e.g. `BE 0123.456.749`. */
  readonly vatNumber: string | null;
}

export interface PdfSeller extends PdfParty {
  readonly logo: { readonly data: Buffer; readonly format: "png" | "jpg" } | null;
  /**
   * Company-law mentions (art. 2:20 Companies and Associations Code): enterprise number
   * with RPR/RPM and court, the registered office when it is elsewhere.
   */
  readonly legalLines: readonly string[];
  /** Email, phone and website, one line. */
  readonly contactLine: string | null;
  readonly iban: string | null;
  readonly bic: string | null;
}

export interface PdfBuyer extends PdfParty {
  readonly deliveryAddressLines: readonly string[] | null;
}

export interface PdfLine {
  readonly description: string;
  readonly sku: string | null;
  readonly quantity: string;
  /** Excluding VAT, on every line (art. 5 §1, 6° KB nr. 1). */
  readonly unitPrice: string;
  /** "incl. € 12,10": the price as entered, for a line priced VAT included. */
  readonly unitPriceIncl: string | null;
  /** The discount as an amount excluding VAT: "−€ 2,79". */
  readonly discount: string | null;
  /** "10 %", only when the discount really was a percentage. */
  readonly discountPercent: string | null;
  readonly vatRate: string;
  readonly amount: string;
}

export interface PdfVatRow {
  readonly label: string;
  readonly taxable: string;
  readonly vat: string;
}

export interface PdfPayment {
  readonly amountDue: string;
  readonly iban: string | null;
  readonly bic: string | null;
  /** `+++ddd/dddd/ddddd+++` */
  readonly structuredCommunication: string | null;
  /** EPC069-12 QR code as a PNG data URL, when the payment fits one. */
  readonly qrCode: { readonly payload: string; readonly pngDataUrl: string } | null;
  /** Online ways to pay (Mollie, Bancontact Pro), each a link and its QR code. */
  readonly online?: readonly PdfOnlinePayment[];
}

export interface PdfOnlinePayment {
  readonly label: string;
  readonly url: string;
  readonly qrPngDataUrl: string;
}

/** Everything the template prints, already formatted in the document's language. */
export interface DocumentPdfModel {
  readonly language: DocumentLanguage;
  readonly intlLocale: IntlLocale;
  readonly labels: PdfLabels;
  readonly type: DocumentType;
  readonly title: string;
  /** "This delivery note is not an invoice." for order forms and delivery notes. */
  readonly notAnInvoice: string | null;
  readonly isDraft: boolean;
  /** The number, or the draft marker for a concept. */
  readonly numberText: string;
  /** "Copy — the legal invoice was delivered over Peppol", or null for an original. */
  readonly copyNotice: string | null;
  /** For the file name: the number, or "concept". */
  readonly fileStem: string;
  readonly issueDate: string;
  readonly dueDate: string | null;
  /** The date of the supply, printed only when it is not the issue date (art. 5 §1, 4° KB nr. 1). */
  readonly supplyDate: string | null;
  readonly reference: string | null;
  readonly creditedInvoice: string | null;
  readonly seller: PdfSeller;
  readonly buyer: PdfBuyer | null;
  readonly unitPriceLabel: string;
  readonly showDiscount: boolean;
  readonly lines: readonly PdfLine[];
  readonly vatRows: readonly PdfVatRow[];
  readonly totals: {
    readonly net: string;
    readonly vat: string;
    /** The VAT total in euro of a document in another currency (art. 230 VAT Directive). */
    readonly vatEur: string | null;
    readonly total: string;
    readonly paid: string | null;
    readonly due: string | null;
  };
  readonly legend: string;
  readonly payment: PdfPayment | null;
  /** Legal mentions: VAT exemptions / reverse charge, credit-note VAT wording. */
  readonly mentions: readonly string[];
  /** One line repeated at the foot of every page. */
  readonly footer: string;
}
