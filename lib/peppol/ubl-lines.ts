import type { MentionLanguage } from "@/lib/vat";
import { ublLinePrice } from "./line-price";
import type { UblDocumentKind, UblLine } from "./ubl-input";
import { writeTaxCategory } from "./ubl-tax-total";
import { amount, cac, cbc, xmlText, type XmlNode } from "./xml-writer";

const DISCOUNT_REASON: Readonly<Record<MentionLanguage, string>> = {
  fr: "Remise",
  nl: "Korting",
  en: "Discount",
  de: "Rabatt",
};

/** UNCL 5189 "Discount", the allowance reason code Peppol lists (PEPPOL-EN16931-CL002). */
const DISCOUNT_CODE = "95";

/** UN/ECE Rec. 20 "one" (C62): Facturo lines count pieces, hours or kilos without a unit. */
const UNIT_CODE = "C62";

/**
 * InvoiceLine / CreditNoteLine (BG-25), numbered from 1 in document order, with the net
 * price and discount `ublLinePrice` derives from the stored amounts.
 */
export function writeLines(
  root: XmlNode,
  kind: UblDocumentKind,
  lines: readonly UblLine[],
  currency: string,
  language: MentionLanguage,
): void {
  const invoice = kind === "invoice";
  lines.forEach((line, index) => {
    const price = ublLinePrice(line, index);
    const node = cac(root, invoice ? "InvoiceLine" : "CreditNoteLine");
    cbc(node, "ID", String(index + 1));
    cbc(node, invoice ? "InvoicedQuantity" : "CreditedQuantity", price.quantity, {
      unitCode: UNIT_CODE,
    });
    amount(node, "LineExtensionAmount", price.lineExtensionCents, currency);
    if (price.allowance) {
      const allowance = cac(node, "AllowanceCharge");
      cbc(allowance, "ChargeIndicator", "false");
      cbc(allowance, "AllowanceChargeReasonCode", DISCOUNT_CODE);
      cbc(allowance, "AllowanceChargeReason", DISCOUNT_REASON[language]);
      if (price.allowance.percentage) {
        cbc(allowance, "MultiplierFactorNumeric", price.allowance.percentage.percent);
      }
      amount(allowance, "Amount", price.allowance.amountCents, currency);
      if (price.allowance.percentage) {
        amount(allowance, "BaseAmount", price.allowance.percentage.baseCents, currency);
      }
    }
    const item = cac(node, "Item");
    // BR-25 wants a name; a line without description falls back on its SKU or number.
    cbc(item, "Name", xmlText(line.description) || xmlText(line.sku ?? "") || `#${index + 1}`);
    if (line.sku && xmlText(line.sku)) cbc(cac(item, "SellersItemIdentification"), "ID", line.sku);
    writeTaxCategory(cac(item, "ClassifiedTaxCategory"), line.vatCategory, line.vatRateBp);
    cbc(cac(node, "Price"), "PriceAmount", price.priceAmount, { currencyID: currency });
  });
}
