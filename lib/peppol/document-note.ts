import { pdfLabels } from "@/lib/pdf/pdf-labels";
import type { MentionLanguage } from "@/lib/vat";
import { formatAmount } from "./ubl-amount";
import type { UblDocumentKind, UblLine } from "./ubl-input";

const SET_ASIDE_LABEL: Readonly<Record<MentionLanguage, string>> = {
  fr: "Hors de cette facture électronique (hors du champ d'application de la TVA)",
  nl: "Niet in deze e-factuur (buiten het toepassingsgebied van de btw)",
  en: "Not in this e-invoice (outside the scope of VAT)",
  de: "Nicht in dieser E-Rechnung (nicht im Anwendungsbereich der MwSt.)",
};

export interface DocumentNoteInput {
  readonly kind: UblDocumentKind;
  readonly language: MentionLanguage;
  readonly currency: string;
  readonly vatCents: number;
  readonly setAside: readonly UblLine[];
  readonly setAsideCents: number;
}

/**
 * The invoice note (BT-22). Peppol allows one (PEPPOL-EN16931-R002), so every remark
 * goes into it, one per line:
 * - a credit note that corrects VAT carries the art. 4 KB nr. 4 mention ("VAT to be
 *   repaid to the State to the extent that it was initially deducted"), as on the PDF;
 * - lines set aside by `setAsideOutOfScope` are named with their amounts.
 */
export function documentNote(input: DocumentNoteInput): string | null {
  const parts: string[] = [];
  if (input.kind === "credit_note" && input.vatCents !== 0) {
    parts.push(pdfLabels(input.language).creditNoteVatMention);
  }
  if (input.setAside.length > 0) {
    const items = input.setAside.map(
      (line) => `${line.description} ${formatAmount(line.grossCents)}`,
    );
    const total = `${formatAmount(input.setAsideCents)} ${input.currency}`;
    const list =
      items.length === 1 ? `${items[0]} ${input.currency}` : `${items.join("; ")} (${total})`;
    parts.push(`${SET_ASIDE_LABEL[input.language]}: ${list}.`);
  }
  return parts.length > 0 ? parts.join("\n") : null;
}
