import { create } from "xmlbuilder2";
import { documentNote } from "./document-note";
import { monetaryTotals } from "./monetary-totals";
import { setAsideOutOfScope } from "./out-of-scope";
import { documentEndpoints } from "./party-endpoint";
import { buildTaxSubtotals } from "./tax-subtotals";
import { UblError } from "./ubl-error";
import type { UblInput } from "./ubl-input";
import { writeLines } from "./ubl-lines";
import { writeAddress, writeBuyerParty, writeSellerParty } from "./ubl-parties";
import { paymentMeans, writePaymentMeans } from "./ubl-payment";
import { writeMonetaryTotal, writeTaxTotals } from "./ubl-tax-total";
import { cac, cbc, UBL_NS, type XmlNode } from "./xml-writer";

/** BT-24: EN 16931 as restricted by Peppol BIS Billing 3.0 (PEPPOL-EN16931-R004). */
export const PEPPOL_CUSTOMIZATION_ID =
  "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
/** BT-23: the plain billing process, profile 01. */
export const PEPPOL_PROFILE_ID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0";

/** UNTDID 1001: 380 commercial invoice, 381 credit note. */
const TYPE_CODE = { invoice: "380", credit_note: "381" } as const;

/**
 * A Facturo invoice or credit note as Peppol BIS Billing 3.0 UBL 2.1 XML.
 *
 * Every amount is the document's own; the builder checks that they are consistent the
 * way the CEN and Peppol rules will (and throws `UblError` naming the rule otherwise),
 * then writes the elements in the order the UBL 2.1 schema requires. See README.md for
 * the choices: endpoint schemes, VAT rounding, exemption texts, out-of-scope lines.
 */
export function buildUbl(original: UblInput): string {
  const { input, setAside, setAsideCents } = setAsideOutOfScope(original);
  const onlyOutOfScope = input.lines.length > 0 && input.lines.every((l) => l.vatCategory === "O");
  const subtotals = buildTaxSubtotals(input.lines, input.vatBreakdown, {
    language: input.language,
    buyerVatNumber: input.buyer.vatNumber,
    mentions: input.vatMentions,
  });
  assertVatNumbersFor(
    input,
    subtotals.map((s) => s.category),
  );
  const totals = monetaryTotals(input.lines, subtotals, input.totals);
  const accounting = accountingCurrency(input);
  const endpoints = documentEndpoints(input);
  const invoice = input.kind === "invoice";

  const doc = create({ version: "1.0", encoding: "UTF-8" });
  const root = doc.ele(
    invoice ? UBL_NS.invoice : UBL_NS.creditNote,
    invoice ? "Invoice" : "CreditNote",
    {
      "xmlns:cac": UBL_NS.cac,
      "xmlns:cbc": UBL_NS.cbc,
    },
  );
  cbc(root, "CustomizationID", PEPPOL_CUSTOMIZATION_ID);
  cbc(root, "ProfileID", PEPPOL_PROFILE_ID);
  cbc(root, "ID", input.number);
  cbc(root, "IssueDate", input.issueDate);
  // UBL 2.1 has no DueDate on a credit note; the seller owes, there is nothing to be due.
  if (invoice) cbc(root, "DueDate", input.dueDate);
  // BT-7: the credit note's schema puts it before the type code, the invoice's after the note.
  if (!invoice) cbc(root, "TaxPointDate", input.taxPointDate ?? null);
  cbc(root, invoice ? "InvoiceTypeCode" : "CreditNoteTypeCode", TYPE_CODE[input.kind]);
  cbc(
    root,
    "Note",
    documentNote({
      kind: input.kind,
      language: input.language,
      currency: input.currency,
      vatCents: totals.taxInclusiveCents - totals.taxExclusiveCents,
      setAside,
      setAsideCents,
    }),
  );
  if (invoice) cbc(root, "TaxPointDate", input.taxPointDate ?? null);
  cbc(root, "DocumentCurrencyCode", input.currency);
  if (accounting) cbc(root, "TaxCurrencyCode", accounting.code);
  writeReferences(root, input);
  writeSellerParty(root, input.seller, endpoints.seller, { omitVatNumbers: onlyOutOfScope });
  writeBuyerParty(root, input.buyer, endpoints.buyer, { omitVatNumbers: onlyOutOfScope });
  writeDelivery(
    root,
    input,
    subtotals.some((s) => s.category === "K"),
  );
  const means = paymentMeans(input, totals.payableCents);
  if (means) writePaymentMeans(root, means);
  writeTaxTotals(root, subtotals, input.currency, accounting);
  writeMonetaryTotal(root, totals, input.currency);
  writeLines(root, input.kind, input.lines, input.currency, input.language);
  return doc.end({ prettyPrint: true });
}

/**
 * BuyerReference (BT-10), OrderReference (BT-13/14), BillingReference (BG-3) and the
 * embedded PDF (BG-24), in schema order.
 *
 * Peppol wants a buyer reference or an order reference (PEPPOL-EN16931-R003). A web-shop
 * customer has no purchase-order number; the order name (#1042) is how they know the
 * order, so it is the buyer reference, and also the sales order reference (BT-14) with
 * "NA" as purchase order reference, the Peppol convention for "none" (an OrderReference
 * cannot exist without its ID). Without an order, the document number is the reference
 * both sides share. A credit note names the invoice it corrects (BillingReference), as
 * Belgian law requires (docs/belgian-invoicing.md §2.5); `toUblInput` insists on it.
 */
function writeReferences(root: XmlNode, input: UblInput): void {
  const order = input.orderReference?.trim() || null;
  cbc(root, "BuyerReference", order ?? input.number);
  if (order) {
    const node = cac(root, "OrderReference");
    cbc(node, "ID", "NA");
    cbc(node, "SalesOrderID", order);
  }
  if (input.precedingInvoice) {
    const reference = cac(cac(root, "BillingReference"), "InvoiceDocumentReference");
    cbc(reference, "ID", input.precedingInvoice.number);
    cbc(reference, "IssueDate", input.precedingInvoice.issueDate);
  }
  if (input.pdf) {
    const reference = cac(root, "AdditionalDocumentReference");
    cbc(reference, "ID", input.number);
    cbc(reference, "DocumentDescription", input.kind === "invoice" ? "Invoice" : "Credit note");
    cbc(cac(reference, "Attachment"), "EmbeddedDocumentBinaryObject", input.pdf.base64, {
      mimeCode: "application/pdf",
      filename: input.pdf.filename,
    });
  }
}

/**
 * Delivery (BG-13/BG-15). An intra-EU supply (K) must state when and where goods went
 * (BR-IC-11: a delivery date or invoicing period; BR-IC-12: the deliver-to country).
 * The date is the real one (Shopify's fulfilment, or the merchant's entry), never a
 * stand-in: a K document without it is refused here, as Facturo refuses to issue it.
 * The address is the delivery address, or the buyer's where none was given.
 */
function writeDelivery(root: XmlNode, input: UblInput, intraEu: boolean): void {
  const date = input.delivery?.date ?? null;
  if (intraEu && !date) {
    throw new UblError(
      "delivery_date_required",
      "an intra-EU supply of goods needs the date the goods left",
      "BR-IC-11",
    );
  }
  const address = input.delivery?.address ?? (intraEu ? input.buyer : null);
  if (!date && !address) return;
  const node = cac(root, "Delivery");
  cbc(node, "ActualDeliveryDate", date);
  if (address) writeAddress(cac(cac(node, "DeliveryLocation"), "Address"), address);
}

/**
 * Reverse charge (AE) and intra-EU supplies (K) shift the VAT to the buyer, who must be
 * identified by a VAT number (BR-AE-02; BR-IC-02 — K needs the VAT number itself).
 */
function assertVatNumbersFor(input: UblInput, categories: readonly string[]): void {
  if (input.buyer.vatNumber) return;
  if (categories.includes("K")) {
    throw new UblError(
      "buyer_vat_required",
      "an intra-EU supply needs the buyer's VAT number",
      "BR-IC-02",
    );
  }
  if (categories.includes("AE") && !input.buyer.enterpriseNumber) {
    throw new UblError(
      "buyer_vat_required",
      "reverse charge needs the buyer's VAT number",
      "BR-AE-02",
    );
  }
}

/** BT-6: only for a document in another currency than the euro, never the same (R005). */
function accountingCurrency(input: UblInput): NonNullable<UblInput["accountingCurrency"]> | null {
  const accounting = input.accountingCurrency;
  if (!accounting) return null;
  if (accounting.code === input.currency) {
    const message = `VAT accounting currency ${accounting.code} is the document's own`;
    throw new UblError("invalid_accounting_currency", message, "PEPPOL-EN16931-R005");
  }
  const vatCents = input.totals.vatCents;
  if (
    Math.sign(accounting.vatCents) !== Math.sign(vatCents) &&
    vatCents !== 0 &&
    accounting.vatCents !== 0
  ) {
    const message = "VAT in the accounting currency has the other sign";
    throw new UblError("invalid_accounting_currency", message, "PEPPOL-EN16931-R055");
  }
  return accounting;
}
