import type { UblMonetaryTotals } from "./monetary-totals";
import type { UblTaxSubtotal } from "./tax-subtotals";
import { formatPercent } from "./ubl-amount";
import { amount, cac, cbc, type XmlNode } from "./xml-writer";

/**
 * TaxTotal with one TaxSubtotal per (category, rate) (BG-23; exactly one such TaxTotal,
 * PEPPOL-EN16931-R053), then — for a document whose VAT must also be stated in euro —
 * a second TaxTotal with only the amount in that currency (BT-111, R054/R055).
 */
export function writeTaxTotals(
  root: XmlNode,
  subtotals: readonly UblTaxSubtotal[],
  currency: string,
  accounting: { readonly code: string; readonly vatCents: number } | null,
): void {
  const total = cac(root, "TaxTotal");
  const vatCents = subtotals.reduce((sum, subtotal) => sum + subtotal.vatCents, 0);
  amount(total, "TaxAmount", vatCents, currency);
  for (const subtotal of subtotals) {
    const node = cac(total, "TaxSubtotal");
    amount(node, "TaxableAmount", subtotal.taxableCents, currency);
    amount(node, "TaxAmount", subtotal.vatCents, currency);
    writeTaxCategory(
      cac(node, "TaxCategory"),
      subtotal.category,
      subtotal.rateBp,
      subtotal.exemption,
    );
  }
  if (accounting) amount(cac(root, "TaxTotal"), "TaxAmount", accounting.vatCents, accounting.code);
}

/**
 * TaxCategory / ClassifiedTaxCategory: code, rate — except for O, which has none
 * (BR-O-05, BR-48) — the exemption reason on breakdowns only, and the VAT scheme.
 */
export function writeTaxCategory(
  node: XmlNode,
  category: string,
  rateBp: number,
  exemption: { readonly code: string | null; readonly text: string } | null = null,
): void {
  cbc(node, "ID", category);
  if (category !== "O") cbc(node, "Percent", formatPercent(rateBp));
  if (exemption) {
    cbc(node, "TaxExemptionReasonCode", exemption.code);
    cbc(node, "TaxExemptionReason", exemption.text);
  }
  cbc(cac(node, "TaxScheme"), "ID", "VAT");
}

/** LegalMonetaryTotal (BG-22), in the schema's element order. */
export function writeMonetaryTotal(
  root: XmlNode,
  totals: UblMonetaryTotals,
  currency: string,
): void {
  const node = cac(root, "LegalMonetaryTotal");
  amount(node, "LineExtensionAmount", totals.lineExtensionCents, currency);
  amount(node, "TaxExclusiveAmount", totals.taxExclusiveCents, currency);
  amount(node, "TaxInclusiveAmount", totals.taxInclusiveCents, currency);
  if (totals.prepaidCents !== null) amount(node, "PrepaidAmount", totals.prepaidCents, currency);
  if (totals.roundingCents !== null) {
    amount(node, "PayableRoundingAmount", totals.roundingCents, currency);
  }
  amount(node, "PayableAmount", totals.payableCents, currency);
}
