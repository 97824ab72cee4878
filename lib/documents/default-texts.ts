import type { DocumentType } from "./document-lifecycle";

export type TextLanguage = "fr" | "nl" | "en" | "de";
export type PaymentState = "paid" | "unpaid";

/** What the merchant can word per type, paid state and language: caption and email. */
export interface DocumentTexts {
  legend: string;
  emailSubject: string;
  emailBody: string;
}

/** Invoices are paid or to pay; other documents ask for nothing ("plain"). */
type TextKind = PaymentState | "plain";

interface LanguagePack {
  names: Record<DocumentType, string>;
  subject: string;
  greeting: string;
  attached: Record<TextKind, string>;
  closing: string;
  legend: Record<TextKind, string>;
}

/**
 * Built-in wording, used until the merchant writes their own. Placeholders in braces
 * are filled by `renderText`: {number} {orderName} {customerName} {total} {dueDate}
 * {structuredCommunication} {paymentLink} {companyName}; {name} is the document's name.
 */
const packs: Record<TextLanguage, LanguagePack> = {
  fr: {
    names: {
      invoice: "facture",
      credit_note: "note de crédit",
      order_form: "bon de commande",
      delivery_note: "bon de livraison",
    },
    subject: "Votre {name} {number} — {companyName}",
    greeting: "Bonjour {customerName},",
    attached: {
      paid: "Vous trouverez en pièce jointe votre {name} {number} ({total}), déjà payée. Merci !",
      unpaid:
        "Vous trouverez en pièce jointe votre {name} {number} de {total}, à payer avant le {dueDate} sur notre compte avec la communication structurée {structuredCommunication}.\n{paymentLink}",
      plain: "Vous trouverez en pièce jointe votre {name} {number}.",
    },
    closing: "Merci,\n{companyName}",
    legend: {
      paid: "Payé. Merci pour votre achat !",
      unpaid:
        "À payer avant le {dueDate} avec la communication structurée {structuredCommunication}.",
      plain: "",
    },
  },
  nl: {
    names: {
      invoice: "factuur",
      credit_note: "creditnota",
      order_form: "bestelbon",
      delivery_note: "leveringsbon",
    },
    subject: "Je {name} {number} — {companyName}",
    greeting: "Hallo {customerName},",
    attached: {
      paid: "In de bijlage vind je je {name} {number} ({total}), al betaald. Bedankt!",
      unpaid:
        "In de bijlage vind je je {name} {number} van {total}, te betalen vóór {dueDate} op onze rekening met de gestructureerde mededeling {structuredCommunication}.\n{paymentLink}",
      plain: "In de bijlage vind je je {name} {number}.",
    },
    closing: "Bedankt,\n{companyName}",
    legend: {
      paid: "Betaald. Bedankt voor je aankoop!",
      unpaid:
        "Te betalen vóór {dueDate} met de gestructureerde mededeling {structuredCommunication}.",
      plain: "",
    },
  },
  en: {
    names: {
      invoice: "invoice",
      credit_note: "credit note",
      order_form: "order form",
      delivery_note: "delivery note",
    },
    subject: "Your {name} {number} — {companyName}",
    greeting: "Hello {customerName},",
    attached: {
      paid: "Please find attached your {name} {number} ({total}), already paid. Thank you!",
      unpaid:
        "Please find attached your {name} {number} of {total}, to be paid by {dueDate} to our account with the structured communication {structuredCommunication}.\n{paymentLink}",
      plain: "Please find attached your {name} {number}.",
    },
    closing: "Thank you,\n{companyName}",
    legend: {
      paid: "Paid. Thank you for your purchase!",
      unpaid:
        "To be paid by {dueDate} with the structured communication {structuredCommunication}.",
      plain: "",
    },
  },
  de: {
    names: {
      invoice: "Rechnung",
      credit_note: "Gutschrift",
      order_form: "Bestellschein",
      delivery_note: "Lieferschein",
    },
    subject: "Ihre {name} {number} — {companyName}",
    greeting: "Guten Tag {customerName},",
    attached: {
      paid: "anbei Ihre {name} {number} ({total}), bereits bezahlt. Vielen Dank!",
      unpaid:
        "anbei Ihre {name} {number} über {total}, zahlbar bis {dueDate} auf unser Konto mit der strukturierten Mitteilung {structuredCommunication}.\n{paymentLink}",
      plain: "anbei Ihre {name} {number}.",
    },
    closing: "Vielen Dank,\n{companyName}",
    legend: {
      paid: "Bezahlt. Vielen Dank für Ihren Einkauf!",
      unpaid: "Zahlbar bis {dueDate} mit der strukturierten Mitteilung {structuredCommunication}.",
      plain: "",
    },
  },
};

export function defaultTexts(
  type: DocumentType,
  state: PaymentState,
  language: TextLanguage,
): DocumentTexts {
  const pack = packs[language];
  const kind: TextKind = type === "invoice" ? state : "plain";
  const withName = (text: string) => text.replaceAll("{name}", pack.names[type]);
  return {
    legend: pack.legend[kind],
    emailSubject: withName(pack.subject),
    emailBody: withName(`${pack.greeting}\n\n${pack.attached[kind]}\n\n${pack.closing}`),
  };
}

export type TextValues = Partial<
  Record<
    | "number"
    | "orderName"
    | "customerName"
    | "total"
    | "amountDue"
    | "dueDate"
    | "structuredCommunication"
    | "paymentLink"
    | "companyName",
    string
  >
>;

/** Fills placeholders; an unknown or empty one becomes empty, and blank lines it leaves collapse. */
export function renderText(template: string, values: TextValues): string {
  return template
    .replace(/\{(\w+)\}/g, (_, key: string) => values[key as keyof TextValues] ?? "")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
