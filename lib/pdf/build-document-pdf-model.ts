import { buildEpcPayload, EPC_MAX_NAME, EpcQrError, epcQrPngDataUrl } from "@/lib/epc-qr";
import { amountDue, balanceCents } from "@/lib/documents/document-state";
import {
  formatMoney,
  formatPercent,
  formatQuantity,
  parseQuantity,
  type IntlLocale,
} from "@/lib/money";
import { formatStructuredCommunication } from "@/lib/structured-communication/format-structured-communication";
import {
  defaultVatMentionKey,
  HOME_VAT_COUNTRY,
  vatCountryOf,
  isVatCategory,
  lineNetPrice,
  VAT_MENTIONS,
  type VatCategory,
  type VatMentionKey,
} from "@/lib/vat";
import type {
  DocumentPdfInput,
  DocumentPdfModel,
  PdfBuyer,
  PdfLine,
  PdfPayment,
  PdfSeller,
} from "./document-pdf-model";
import type { SnapshotAddress } from "@/db/schema/documents";
import {
  enterpriseNumberLabel,
  enterpriseNumberOf,
  formatEnterpriseNumber,
  inLiquidationText,
  nameWithLegalForm,
  registeredOfficeLabel,
  registerText,
} from "@/lib/company/legal-mentions";
import { pdfLabels, type PdfLabels } from "./pdf-labels";
import { addressLines, cleanText, formatDate, formatIban, formatVatNumber } from "./pdf-format";

type Doc = DocumentPdfInput["document"];

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/**
 * "21 %" for Belgian VAT; "NL btw 21 %" for another member state's (an OSS distance sale:
 * that state's VAT, declared to it through the One-Stop Shop); the category's name otherwise.
 */
function vatLabel(
  category: string,
  rateBp: number,
  locale: IntlLocale,
  labels: PdfLabels,
  country: string = HOME_VAT_COUNTRY,
  short = false,
) {
  if (!isVatCategory(category) || category === "S") {
    const rate = formatPercent(rateBp, locale);
    if (country === HOME_VAT_COUNTRY) return rate;
    // The narrow line column says "NL 21 %"; the breakdown spells it out.
    return short ? `${country} ${rate}` : `${country} ${labels.memberStateVat} ${rate}`;
  }
  return labels.vatCategory[category];
}

/** Enterprise number with the register and court; the registered office when elsewhere. */
function sellerLegalLines(input: DocumentPdfInput, locale: IntlLocale): string[] {
  const o = input.organisation;
  const language = input.document.language;
  const lines: string[] = [];
  const enterprise = enterpriseNumberOf(o);
  const register = registerText(cleanText(o.registerCourt) || null, language);
  const first = [
    enterprise ? `${enterpriseNumberLabel(language)} ${formatEnterpriseNumber(enterprise)}` : "",
    register ?? "",
  ].filter(Boolean);
  if (first.length > 0) lines.push(first.join(" · "));
  if (o.registeredStreet && o.registeredPostalCode && o.registeredCity) {
    const office = addressLines(
      {
        street: o.registeredStreet,
        postalCode: o.registeredPostalCode,
        city: o.registeredCity,
        country: o.country,
      },
      locale,
    );
    lines.push(`${registeredOfficeLabel(language)} ${office.join(", ")}`);
  }
  return lines;
}

function buildSeller(input: DocumentPdfInput, locale: IntlLocale): PdfSeller {
  const o = input.organisation;
  const language = input.document.language;
  const logo = input.logo;
  const format =
    logo?.contentType === "image/png" ? "png" : logo?.contentType === "image/jpeg" ? "jpg" : null;
  const name = nameWithLegalForm(cleanText(o.legalName), o.legalForm ?? null, language);
  const contactLine = [o.contactEmail, o.phone, o.website].map(cleanText).filter(Boolean);
  return {
    name: o.inLiquidation ? `${name} ${inLiquidationText(language)}` : name,
    contact: null,
    legalLines: sellerLegalLines(input, locale),
    contactLine: contactLine.length > 0 ? contactLine.join(" · ") : null,
    addressLines: addressLines(
      { street: o.street, postalCode: o.postalCode, city: o.city, country: o.country },
      locale,
    ),
    vatNumber: formatVatNumber(o.vatNumber),
    iban: o.iban ? formatIban(cleanText(o.iban)) : null,
    bic: cleanText(o.bic) || null,
    logo: logo && format ? { data: Buffer.from(logo.data), format } : null,
  };
}

/** A snapshot address with its second street line (Shopify's address2) under the first. */
function streetLines(address: SnapshotAddress): SnapshotAddress {
  return address.line2 ? { ...address, street: `${address.street}\n${address.line2}` } : address;
}

function buildBuyer(doc: Doc, locale: IntlLocale): PdfBuyer | null {
  const c = doc.customer;
  if (!c) return null;
  const company = cleanText(c.company);
  const person = cleanText(c.name);
  return {
    name: company || person,
    contact: company && person && person !== company ? person : null,
    addressLines: addressLines(streetLines(c.billing), locale),
    vatNumber: formatVatNumber(c.vatNumber),
    deliveryAddressLines: c.delivery ? addressLines(streetLines(c.delivery), locale) : null,
  };
}

/**
 * AE is the domestic reverse charge (art. 51 §2) when the customer is Belgian, the
 * cross-border one otherwise; the other categories take their default mention.
 */
function mentionKey(category: VatCategory, buyerVat: string | null): VatMentionKey | null {
  if (category === "AE" && buyerVat?.startsWith("BE")) return "reverse_charge_domestic";
  return defaultVatMentionKey(category);
}

function buildMentions(input: DocumentPdfInput, labels: PdfLabels): string[] {
  const doc = input.document;
  const language = doc.language;
  const buyerVat = cleanText(doc.customer?.vatNumber).toUpperCase() || null;
  const categories = new Set<VatCategory>();
  for (const line of input.lines)
    if (isVatCategory(line.vatCategory)) categories.add(line.vatCategory);
  for (const entry of doc.vatBreakdown) categories.add(entry.category);
  const keys = new Set<VatMentionKey>();
  // The small-enterprise franchise (art. 56bis) is the reason no VAT is charged: its own
  // mention, on every document of a franchise seller, never "art. 44".
  const franchise = input.organisation.vatFranchise === true;
  if (franchise) keys.add("small_enterprise");
  for (const category of categories) {
    const key = mentionKey(category, buyerVat);
    if (key && !(franchise && key === "exempt")) keys.add(key);
  }
  const mentions = [...keys].map((key) => {
    const mention = VAT_MENTIONS[key];
    const text = mention.text[language];
    const printedVat = formatVatNumber(buyerVat);
    return mention.needsCustomerVatNumber && printedVat
      ? `${text} – ${labels.customerVatNumber} ${printedVat}`
      : text;
  });
  if (doc.type === "credit_note" && doc.totalVatCents !== 0) {
    mentions.push(labels.creditNoteVatMention);
  }
  return mentions;
}

function buildPayment(
  input: DocumentPdfInput,
  seller: PdfSeller,
  money: (cents: number) => string,
  labels: PdfLabels,
): PdfPayment | null {
  const doc = input.document;
  const dueCents = amountDue(doc);
  if (doc.type !== "invoice" || dueCents <= 0) return null;
  const structured = doc.structuredCommunication
    ? formatStructuredCommunication(doc.structuredCommunication)
    : null;
  let qrCode: PdfPayment["qrCode"] = null;
  // Only a finalised invoice gets a QR code: a draft has no number or reference to pay.
  if (seller.iban && structured && doc.status !== "concept" && doc.currency === "EUR") {
    try {
      const payload = buildEpcPayload({
        bic: seller.bic,
        name: [...seller.name.replace(/\s+/g, " ")].slice(0, EPC_MAX_NAME).join("").trim(),
        iban: seller.iban,
        amountCents: dueCents,
        structuredReference: structured,
      });
      qrCode = { payload, pngDataUrl: epcQrPngDataUrl(payload) };
    } catch (err) {
      // The invoice is still valid without a QR code (e.g. an amount over the EPC limit).
      if (!(err instanceof EpcQrError)) throw err;
    }
  }
  return {
    amountDue: money(dueCents),
    iban: seller.iban,
    bic: seller.bic,
    structuredCommunication: structured,
    qrCode,
    online:
      doc.status === "concept"
        ? []
        : (input.onlinePayments ?? []).map(({ provider, url }) => ({
            label: provider === "mollie" ? labels.payOnlineMollie : labels.payOnlineBancontact,
            url,
            // Any short text makes a QR code; the EPC helper is the one synchronous encoder.
            qrPngDataUrl: epcQrPngDataUrl(url),
          })),
  };
}

/** The view model of a document's PDF: a plain function of its data, no I/O. */
export function buildDocumentPdfModel(input: DocumentPdfInput): DocumentPdfModel {
  const doc = input.document;
  const language = doc.language;
  const locale: IntlLocale = `${language}-BE`;
  const labels = pdfLabels(language);
  const money = (cents: number) => formatMoney(cents, doc.currency, locale);
  const seller = buildSeller(input, locale);
  const buyer = buildBuyer(doc, locale);
  const isDraft = doc.status === "concept" || !doc.number;
  const lines = input.lines.map((line, index): PdfLine => {
    const price = lineNetPrice(
      {
        ...line,
        vatCategory: line.vatCategory as VatCategory,
        discountCents: line.discountCents ?? null,
      },
      index,
    );
    const discount = price.discountNetCents;
    return {
      description: cleanText(line.description),
      sku: cleanText(line.sku) || null,
      quantity: new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(
        formatQuantity(parseQuantity(line.quantity)) as Intl.StringNumericLiteral,
      ),
      unitPrice: money(price.unitNetCents),
      unitPriceIncl:
        price.unitGrossCents !== null && line.vatRateBp > 0
          ? `${labels.inclShort} ${money(price.unitGrossCents)}`
          : null,
      discount: discount === 0 ? null : `${discount > 0 ? "−" : "+"}${money(Math.abs(discount))}`,
      discountPercent:
        discount !== 0 && line.discountBp > 0 ? formatPercent(line.discountBp, locale) : null,
      vatRate: vatLabel(line.vatCategory, line.vatRateBp, locale, labels, line.vatCountry, true),
      amount: money(line.netCents),
    };
  });
  const paid = doc.type === "invoice" && doc.paidCents > 0 ? doc.paidCents : 0;
  const credited = input.creditedDocument;
  return {
    language,
    intlLocale: locale,
    labels,
    type: doc.type,
    title: labels.titles[doc.type],
    notAnInvoice:
      doc.type === "order_form" || doc.type === "delivery_note"
        ? labels.notAnInvoice[doc.type]
        : null,
    isDraft,
    numberText: isDraft ? labels.draft : cleanText(doc.number),
    copyNotice: isDraft ? null : (input.copyNotice ?? null),
    fileStem: isDraft ? "concept" : cleanText(doc.number),
    issueDate: formatDate(doc.issueDate, locale),
    dueDate: doc.dueDate ? formatDate(doc.dueDate, locale) : null,
    supplyDate:
      doc.supplyDate && doc.supplyDate !== doc.issueDate
        ? formatDate(doc.supplyDate, locale)
        : null,
    reference: cleanText(doc.sourceName) || null,
    creditedInvoice:
      doc.type === "credit_note" && credited?.number
        ? `${cleanText(credited.number)} (${formatDate(credited.issueDate, locale)})`
        : null,
    seller,
    buyer,
    // Excluding VAT on every line; a VAT-inclusive price is shown under it.
    unitPriceLabel: labels.unitPrice,
    showDiscount: lines.some((l) => l.discount !== null),
    lines,
    vatRows: doc.vatBreakdown.map((entry) => ({
      label: vatLabel(entry.category, entry.rateBp, locale, labels, vatCountryOf(entry)),
      taxable: money(entry.taxableCents),
      vat: money(entry.vatCents),
    })),
    totals: {
      net: money(doc.totalNetCents),
      vat: money(doc.totalVatCents),
      vatEur:
        doc.currency !== "EUR" &&
        doc.vatTotalEurCents !== null &&
        doc.vatTotalEurCents !== undefined
          ? formatMoney(doc.vatTotalEurCents, "EUR", locale)
          : null,
      total: money(doc.totalCents),
      paid: paid ? money(paid) : null,
      // Signed: an over-paid invoice shows what is to be given back.
      due: paid ? money(balanceCents(doc)) : null,
    },
    legend: cleanText(doc.legend),
    payment: buildPayment(input, seller, money, labels),
    mentions: buildMentions(input, labels),
    footer: [
      truncate(seller.name, 80),
      seller.vatNumber ? `${labels.vatNumber} ${seller.vatNumber}` : "",
      seller.iban ? `${labels.iban} ${seller.iban}` : "",
    ]
      .filter(Boolean)
      .join(" · "),
  };
}
