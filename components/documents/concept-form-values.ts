import type { DocumentLineRow, DocumentRow } from "@/db/queries/documents";
import type { ConceptInput } from "@/lib/documents/concept-schema";
import type { DocumentType } from "@/lib/documents/document-lifecycle";
import { basisPointsToPercent, centsToDecimalString } from "@/lib/money";
import { addDays } from "@/lib/calendar/calendar-days";

export type ConceptLineInput = ConceptInput["lines"][number];

/** Days an invoice gives the customer to pay when the merchant sets nothing else. */
export const INVOICE_PAYMENT_DAYS = 30;

export function emptyLine(): ConceptLineInput {
  return {
    description: "",
    sku: "",
    quantity: "1",
    unitPrice: "",
    priceMode: "excl",
    discountPercent: "",
    discountAmount: "",
    vatCategory: "S",
    vatRateBp: 2100,
  };
}

/** Invoices are due 30 days after issue; other documents have no due date. */
export function defaultDueDate(type: DocumentType, issueDate: string): string {
  return type === "invoice" ? addDays(issueDate, INVOICE_PAYMENT_DAYS) : "";
}

/** 1050 basis points → "10.5" (what the merchant typed), 0 → "". */
export function basisPointsToPercentText(bp: number): string {
  return bp === 0 ? "" : basisPointsToPercent(bp);
}

export function newConceptInput(options: {
  type?: DocumentType;
  customerId?: string;
  language: ConceptInput["language"];
  today: string;
}): ConceptInput {
  const type = options.type ?? "invoice";
  return {
    type,
    customerId: options.customerId ?? "",
    language: options.language,
    issueDate: options.today,
    dueDate: defaultDueDate(type, options.today),
    supplyDate: "",
    legend: "",
    lines: [emptyLine()],
  };
}

/** A stored concept as the form edits it: cents and basis points back to decimal text. */
export function conceptToInput(
  document: Pick<
    DocumentRow,
    "type" | "customerId" | "language" | "issueDate" | "dueDate" | "supplyDate" | "legend"
  >,
  lines: readonly DocumentLineRow[],
): ConceptInput {
  return {
    type: document.type,
    customerId: document.customerId ?? "",
    language: document.language,
    issueDate: document.issueDate,
    dueDate: document.dueDate ?? "",
    supplyDate: document.supplyDate ?? "",
    legend: document.legend,
    lines:
      lines.length > 0
        ? lines.map((line) => ({
            description: line.description,
            sku: line.sku ?? "",
            quantity: line.quantity,
            unitPrice: centsToDecimalString(line.unitPriceCents),
            priceMode: line.priceMode,
            discountPercent: basisPointsToPercentText(line.discountBp),
            discountAmount:
              line.discountCents == null ? "" : centsToDecimalString(line.discountCents),
            vatCategory: line.vatCategory as ConceptLineInput["vatCategory"],
            vatRateBp: line.vatRateBp,
            vatCountry: line.vatCountry,
          }))
        : [emptyLine()],
  };
}
