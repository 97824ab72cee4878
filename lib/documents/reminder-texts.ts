import type { TextLanguage } from "./default-texts";

/** A payment reminder's email: subject and body with renderText placeholders. */
export interface ReminderTexts {
  emailSubject: string;
  emailBody: string;
}

/**
 * Built-in reminder wording, in the customer's language (chosen like every other
 * text: Foreign customers on → the document's language). Polite first reminder:
 * it restates what is due, by when it was due, and how to pay; the PDF is attached.
 */
const reminders: Record<TextLanguage, ReminderTexts> = {
  fr: {
    emailSubject: "Rappel : facture {number} — {companyName}",
    emailBody:
      "Bonjour {customerName},\n\nSauf erreur de notre part, la facture {number} n'est pas encore entièrement payée : il reste {amountDue} à payer, échu le {dueDate}.\nMerci de verser ce montant sur notre compte avec la communication structurée {structuredCommunication}.\n{paymentLink}\n\nSi vous avez payé entre-temps, merci de ne pas tenir compte de ce rappel.\n\nCordialement,\n{companyName}",
  },
  nl: {
    emailSubject: "Herinnering: factuur {number} — {companyName}",
    emailBody:
      "Beste {customerName},\n\nTenzij we ons vergissen, is factuur {number} nog niet volledig betaald: er staat nog {amountDue} open, vervallen op {dueDate}.\nGelieve dit bedrag over te schrijven op onze rekening met de gestructureerde mededeling {structuredCommunication}.\n{paymentLink}\n\nHeb je intussen betaald? Dan mag je deze herinnering negeren.\n\nMet vriendelijke groeten,\n{companyName}",
  },
  en: {
    emailSubject: "Reminder: invoice {number} — {companyName}",
    emailBody:
      "Dear {customerName},\n\nUnless we are mistaken, invoice {number} is not fully paid yet: {amountDue} is still due since {dueDate}.\nPlease transfer this amount to our account with the structured communication {structuredCommunication}.\n{paymentLink}\n\nIf you have paid in the meantime, please disregard this reminder.\n\nKind regards,\n{companyName}",
  },
  de: {
    emailSubject: "Zahlungserinnerung: Rechnung {number} — {companyName}",
    emailBody:
      "Guten Tag {customerName},\n\nsofern wir uns nicht irren, ist die Rechnung {number} noch nicht vollständig bezahlt: {amountDue} sind seit dem {dueDate} fällig.\nBitte überweisen Sie diesen Betrag auf unser Konto mit der strukturierten Mitteilung {structuredCommunication}.\n{paymentLink}\n\nFalls Sie inzwischen bezahlt haben, betrachten Sie diese Erinnerung bitte als gegenstandslos.\n\nMit freundlichen Grüßen\n{companyName}",
  },
};

export function reminderTexts(language: TextLanguage): ReminderTexts {
  return reminders[language];
}
