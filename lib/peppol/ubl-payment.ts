import { formatStructuredCommunication } from "@/lib/structured-communication/format-structured-communication";
import type { UblInput } from "./ubl-input";
import { cac, cbc, type XmlNode } from "./xml-writer";

export interface UblPaymentMeans {
  /** UNCL 4461: 58 SEPA credit transfer, 30 credit transfer (non-euro). */
  readonly code: "58" | "30";
  readonly name: string;
  /** Remittance information (BT-83). */
  readonly paymentId: string;
  readonly iban: string;
  readonly accountName: string;
  readonly bic: string | null;
}

/**
 * How to pay (BG-16), for an invoice with something left to pay and an IBAN to pay to.
 * A credit note gets none: there the seller pays, to an account the document does not know.
 *
 * - Code 58 (SEPA credit transfer) for euro invoices — a Belgian bank transfer is one;
 *   30 (credit transfer) otherwise. Both need the IBAN (BR-50, BR-61).
 * - PaymentID carries the structured communication in its printed form
 *   `+++ddd/dddd/ddddd+++`. No EN 16931 or Peppol rule constrains BT-83's format (only
 *   Danish rules do, for their own codes); Belgian receivers and our Belgian examples
 *   (test/fixtures/peppol/made-here) use the `+++` form, and software that wants the 12 digits strips the rest. Without
 *   one the invoice number is the reference the payer should quote.
 */
export function paymentMeans(input: UblInput, payableCents: number): UblPaymentMeans | null {
  const iban = input.seller.iban?.replace(/\s/g, "").toUpperCase();
  if (input.kind !== "invoice" || payableCents <= 0 || !iban) return null;
  const sepa = input.currency === "EUR";
  const ogm = input.structuredCommunication;
  return {
    code: sepa ? "58" : "30",
    name: sepa ? "SEPA credit transfer" : "Credit transfer",
    paymentId: ogm && /^\d{12}$/.test(ogm) ? formatStructuredCommunication(ogm) : input.number,
    iban,
    accountName: input.seller.name,
    bic: input.seller.bic?.replace(/\s/g, "").toUpperCase() || null,
  };
}

export function writePaymentMeans(root: XmlNode, means: UblPaymentMeans): void {
  const node = cac(root, "PaymentMeans");
  cbc(node, "PaymentMeansCode", means.code, { name: means.name });
  cbc(node, "PaymentID", means.paymentId);
  const account = cac(node, "PayeeFinancialAccount");
  cbc(account, "ID", means.iban);
  cbc(account, "Name", means.accountName);
  if (means.bic) cbc(cac(account, "FinancialInstitutionBranch"), "ID", means.bic);
}
