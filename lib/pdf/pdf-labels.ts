import type { DocumentType } from "@/lib/documents/document-lifecycle";
import type { DocumentLanguage } from "@/db/schema/organisations";

export interface PdfLabels {
  readonly titles: Readonly<Record<DocumentType, string>>;
  readonly draft: string;
  readonly number: string;
  readonly issueDate: string;
  /** The date of the taxable event (delivery, or an earlier payment) when not the issue date. */
  readonly supplyDate: string;
  readonly dueDate: string;
  readonly reference: string;
  readonly seller: string;
  readonly customer: string;
  readonly deliveryAddress: string;
  readonly vatNumber: string;
  readonly customerVatNumber: string;
  readonly description: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly unitPriceIncl: string;
  /** Header when lines mix both price modes; each price then says which. */
  readonly unitPriceShort: string;
  readonly inclShort: string;
  readonly exclShort: string;
  readonly discount: string;
  readonly vatRate: string;
  readonly amountExcl: string;
  readonly vatBreakdown: string;
  readonly taxable: string;
  readonly vat: string;
  /** The word after a member state's code for its VAT: "NL btw 21 %" (an OSS sale). */
  readonly memberStateVat: string;
  readonly totalExcl: string;
  readonly totalVat: string;
  /** The VAT total in euro on a document in another currency (art. 230 VAT Directive). */
  readonly totalVatEur: string;
  readonly total: string;
  readonly paid: string;
  readonly amountDue: string;
  readonly payment: string;
  readonly iban: string;
  readonly bic: string;
  readonly structuredCommunication: string;
  readonly scanToPay: string;
  /** Online payment links (lib/payments): Mollie's checkout, Bancontact Pro's app. */
  readonly payOnlineMollie: string;
  readonly payOnlineBancontact: string;
  readonly page: string;
  readonly creditedInvoice: string;
  /** Art. 4 KB nr. 4: lets the seller recover VAT already paid on the credited invoice. */
  readonly creditNoteVatMention: string;
  readonly vatCategory: Readonly<Record<"Z" | "E" | "AE" | "K" | "G" | "O", string>>;
  /** Under the title of an order form or delivery note: the customer must not book it as one. */
  readonly notAnInvoice: Readonly<Record<"order_form" | "delivery_note", string>>;
}

const fr: PdfLabels = {
  titles: {
    order_form: "Bon de commande",
    delivery_note: "Bon de livraison",
    invoice: "Facture",
    credit_note: "Note de crédit",
  },
  draft: "Brouillon",
  number: "Numéro",
  issueDate: "Date",
  supplyDate: "Date de l'opération",
  dueDate: "Échéance",
  reference: "Référence",
  seller: "Vendeur",
  customer: "Client",
  deliveryAddress: "Adresse de livraison",
  vatNumber: "TVA",
  customerVatNumber: "N° TVA client",
  description: "Description",
  quantity: "Qté",
  unitPrice: "Prix unit. HTVA",
  unitPriceIncl: "Prix unit. TVAC",
  unitPriceShort: "Prix unit.",
  inclShort: "TVAC",
  exclShort: "HTVA",
  discount: "Remise",
  vatRate: "TVA",
  amountExcl: "Montant HTVA",
  vatBreakdown: "Récapitulatif TVA",
  taxable: "Base imposable",
  vat: "TVA",
  memberStateVat: "TVA",
  totalExcl: "Total HTVA",
  totalVat: "Total TVA",
  totalVatEur: "Total TVA en EUR",
  total: "Total TVAC",
  paid: "Déjà payé",
  amountDue: "Montant à payer",
  payment: "Paiement",
  iban: "IBAN",
  bic: "BIC",
  structuredCommunication: "Communication structurée",
  scanToPay: "Scannez pour payer avec votre app bancaire",
  payOnlineMollie: "Payer en ligne (Bancontact, carte…)",
  payOnlineBancontact: "Payer avec Bancontact Pay (Payconiq)",
  page: "Page",
  creditedInvoice: "Concerne la facture",
  creditNoteVatMention:
    "TVA à reverser à l'État dans la mesure où elle a été initialement déduite.",
  vatCategory: {
    Z: "0 %",
    E: "Exonéré",
    AE: "Autoliq.",
    K: "Intracom.",
    G: "Export",
    O: "Hors champ",
  },
  notAnInvoice: {
    order_form: "Ce bon de commande n'est pas une facture.",
    delivery_note: "Ce bon de livraison n'est pas une facture.",
  },
};

const nl: PdfLabels = {
  titles: {
    order_form: "Bestelbon",
    delivery_note: "Leveringsbon",
    invoice: "Factuur",
    credit_note: "Creditnota",
  },
  draft: "Concept",
  number: "Nummer",
  issueDate: "Datum",
  // "De handeling": the supply, or the advance payment when that came first (art. 5 §1, 4° KB nr. 1).
  supplyDate: "Datum handeling",
  dueDate: "Vervaldatum",
  reference: "Referentie",
  seller: "Verkoper",
  customer: "Klant",
  deliveryAddress: "Leveringsadres",
  vatNumber: "Btw",
  customerVatNumber: "Btw-nummer klant",
  description: "Omschrijving",
  quantity: "Aantal",
  unitPrice: "Eenheidsprijs excl.",
  unitPriceIncl: "Eenheidsprijs incl.",
  unitPriceShort: "Eenheidsprijs",
  inclShort: "incl.",
  exclShort: "excl.",
  discount: "Korting",
  vatRate: "Btw",
  amountExcl: "Bedrag excl. btw",
  vatBreakdown: "Btw-overzicht",
  taxable: "Maatstaf van heffing",
  vat: "Btw",
  memberStateVat: "btw",
  totalExcl: "Totaal excl. btw",
  totalVat: "Totaal btw",
  totalVatEur: "Totaal btw in EUR",
  total: "Totaal incl. btw",
  paid: "Reeds betaald",
  amountDue: "Te betalen",
  payment: "Betaling",
  iban: "IBAN",
  bic: "BIC",
  structuredCommunication: "Gestructureerde mededeling",
  scanToPay: "Scan om te betalen met je bankapp",
  payOnlineMollie: "Online betalen (Bancontact, kaart…)",
  payOnlineBancontact: "Betalen met Bancontact Pay (Payconiq)",
  page: "Pagina",
  creditedInvoice: "Betreft factuur",
  creditNoteVatMention:
    "Btw terug te storten aan de Staat in de mate waarin zij oorspronkelijk in aftrek werd gebracht.",
  vatCategory: {
    Z: "0 %",
    E: "Vrijgesteld",
    AE: "Verlegd",
    K: "Intracom.",
    G: "Uitvoer",
    O: "Buiten toep.",
  },
  notAnInvoice: {
    order_form: "Deze bestelbon is geen factuur.",
    delivery_note: "Deze leveringsbon is geen factuur.",
  },
};

const en: PdfLabels = {
  titles: {
    order_form: "Order form",
    delivery_note: "Delivery note",
    invoice: "Invoice",
    credit_note: "Credit note",
  },
  draft: "Draft",
  number: "Number",
  issueDate: "Date",
  supplyDate: "Date of supply",
  dueDate: "Due date",
  reference: "Reference",
  seller: "Seller",
  customer: "Customer",
  deliveryAddress: "Delivery address",
  vatNumber: "VAT",
  customerVatNumber: "Customer VAT number",
  description: "Description",
  quantity: "Qty",
  unitPrice: "Unit price excl.",
  unitPriceIncl: "Unit price incl.",
  unitPriceShort: "Unit price",
  inclShort: "incl.",
  exclShort: "excl.",
  discount: "Discount",
  vatRate: "VAT",
  amountExcl: "Amount excl. VAT",
  vatBreakdown: "VAT summary",
  taxable: "Taxable amount",
  vat: "VAT",
  memberStateVat: "VAT",
  totalExcl: "Total excl. VAT",
  totalVat: "Total VAT",
  totalVatEur: "Total VAT in EUR",
  total: "Total incl. VAT",
  paid: "Already paid",
  amountDue: "Amount due",
  payment: "Payment",
  iban: "IBAN",
  bic: "BIC",
  structuredCommunication: "Structured communication",
  scanToPay: "Scan to pay with your banking app",
  payOnlineMollie: "Pay online (Bancontact, card…)",
  payOnlineBancontact: "Pay with Bancontact Pay (Payconiq)",
  page: "Page",
  creditedInvoice: "Regarding invoice",
  creditNoteVatMention:
    "VAT to be repaid to the State to the extent that it was initially deducted.",
  vatCategory: {
    Z: "0 %",
    E: "Exempt",
    AE: "Rev. charge",
    K: "Intra-EU",
    G: "Export",
    O: "Out of scope",
  },
  notAnInvoice: {
    order_form: "This order form is not an invoice.",
    delivery_note: "This delivery note is not an invoice.",
  },
};

const de: PdfLabels = {
  titles: {
    order_form: "Bestellschein",
    delivery_note: "Lieferschein",
    invoice: "Rechnung",
    credit_note: "Gutschrift",
  },
  draft: "Entwurf",
  number: "Nummer",
  issueDate: "Datum",
  supplyDate: "Leistungsdatum",
  dueDate: "Fälligkeit",
  reference: "Referenz",
  seller: "Verkäufer",
  customer: "Kunde",
  deliveryAddress: "Lieferadresse",
  vatNumber: "MwSt.",
  customerVatNumber: "USt-IdNr. des Kunden",
  description: "Beschreibung",
  quantity: "Menge",
  unitPrice: "Einzelpreis netto",
  unitPriceIncl: "Einzelpreis brutto",
  unitPriceShort: "Einzelpreis",
  inclShort: "brutto",
  exclShort: "netto",
  discount: "Rabatt",
  vatRate: "MwSt.",
  amountExcl: "Betrag netto",
  vatBreakdown: "MwSt.-Übersicht",
  taxable: "Bemessungsgrundlage",
  vat: "MwSt.",
  memberStateVat: "MwSt.",
  totalExcl: "Summe netto",
  totalVat: "Summe MwSt.",
  totalVatEur: "Summe MwSt. in EUR",
  total: "Summe brutto",
  paid: "Bereits bezahlt",
  amountDue: "Zu zahlen",
  payment: "Zahlung",
  iban: "IBAN",
  bic: "BIC",
  structuredCommunication: "Strukturierte Mitteilung",
  scanToPay: "Scannen Sie, um mit Ihrer Banking-App zu zahlen",
  payOnlineMollie: "Online bezahlen (Bancontact, Karte…)",
  payOnlineBancontact: "Mit Bancontact Pay (Payconiq) bezahlen",
  page: "Seite",
  creditedInvoice: "Betrifft Rechnung",
  creditNoteVatMention: "Dem Staat zu erstattende MwSt., soweit sie ursprünglich abgezogen wurde.",
  vatCategory: {
    Z: "0 %",
    E: "Befreit",
    AE: "Reverse Ch.",
    K: "Innergem.",
    G: "Ausfuhr",
    O: "Nicht steuerbar",
  },
  notAnInvoice: {
    order_form: "Dieser Bestellschein ist keine Rechnung.",
    delivery_note: "Dieser Lieferschein ist keine Rechnung.",
  },
};

const labels: Readonly<Record<DocumentLanguage, PdfLabels>> = { fr, nl, en, de };

export function pdfLabels(language: DocumentLanguage): PdfLabels {
  return labels[language];
}
