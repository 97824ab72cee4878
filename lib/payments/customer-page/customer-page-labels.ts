import type { DocumentLanguage } from "@/db/schema/organisations";

/**
 * The customer's invoice page speaks the invoice's language, like its PDF (which
 * may be German, a language the dashboard does not have); shared words such as
 * "Amount due" and "IBAN" come from the PDF's labels.
 */
export interface CustomerPageLabels {
  readonly from: string;
  readonly statusPaid: string;
  readonly statusPartiallyPaid: string;
  readonly statusToPay: string;
  readonly paidThanks: string;
  readonly downloadPdf: string;
  readonly waysToPay: string;
  readonly payOnline: string;
  readonly payOnlineHint: string;
  readonly bancontactTitle: string;
  readonly bancontactHint: string;
  readonly openInApp: string;
  /** `{time}` is replaced by the hour the code stops working. */
  readonly validUntil: string;
  readonly bancontactRetry: string;
  readonly transferTitle: string;
  readonly transferHint: string;
  readonly beneficiary: string;
  readonly waiting: string;
  /** Back from the provider, but the payment was cancelled, failed or expired. */
  readonly notCompleted: string;
  readonly onlineUnavailable: string;
  readonly qrAlt: string;
}

const en: CustomerPageLabels = {
  from: "From",
  statusPaid: "Paid",
  statusPartiallyPaid: "Partially paid",
  statusToPay: "To be paid",
  paidThanks: "Paid, thank you!",
  downloadPdf: "Download the PDF",
  waysToPay: "How to pay",
  payOnline: "Pay online",
  payOnlineHint: "Bancontact, card, KBC/CBC, Belfius and more, on Mollie's secure payment page.",
  bancontactTitle: "Bancontact Pay (Payconiq)",
  bancontactHint: "Scan with the Bancontact Pay app (formerly Payconiq) or your banking app.",
  openInApp: "Open in the app",
  validUntil: "This code is valid until {time}. Reload the page for a new one.",
  bancontactRetry: "The Bancontact code could not be made just now. Try again",
  transferTitle: "Bank transfer",
  transferHint: "Scan with your banking app, or enter these details.",
  beneficiary: "Beneficiary",
  waiting:
    "Thank you! We are waiting for the confirmation of your payment; this page updates by itself.",
  notCompleted:
    "Your payment did not go through (cancelled, refused or expired). Nothing was charged: try again below, or pay by bank transfer.",
  onlineUnavailable: "Online payment is not available at the moment. Please pay by bank transfer.",
  qrAlt: "QR code",
};

const fr: CustomerPageLabels = {
  from: "De",
  statusPaid: "Payé",
  statusPartiallyPaid: "Partiellement payé",
  statusToPay: "À payer",
  paidThanks: "Payé, merci !",
  downloadPdf: "Télécharger le PDF",
  waysToPay: "Comment payer",
  payOnline: "Payer en ligne",
  payOnlineHint:
    "Bancontact, carte, KBC/CBC, Belfius et d'autres, sur la page de paiement sécurisée de Mollie.",
  bancontactTitle: "Bancontact Pay (Payconiq)",
  bancontactHint:
    "Scannez avec l'app Bancontact Pay (anciennement Payconiq) ou votre app bancaire.",
  openInApp: "Ouvrir dans l'app",
  validUntil: "Ce code est valable jusqu'à {time}. Rechargez la page pour en obtenir un nouveau.",
  bancontactRetry: "Le code Bancontact n'a pas pu être créé pour l'instant. Réessayer",
  transferTitle: "Virement bancaire",
  transferHint: "Scannez avec votre app bancaire, ou saisissez ces données.",
  beneficiary: "Bénéficiaire",
  waiting:
    "Merci ! Nous attendons la confirmation de votre paiement ; cette page se met à jour toute seule.",
  notCompleted:
    "Votre paiement n'a pas abouti (annulé, refusé ou expiré). Rien n'a été débité : réessayez ci-dessous, ou payez par virement.",
  onlineUnavailable:
    "Le paiement en ligne n'est pas disponible pour le moment. Veuillez payer par virement.",
  qrAlt: "Code QR",
};

const nl: CustomerPageLabels = {
  from: "Van",
  statusPaid: "Betaald",
  statusPartiallyPaid: "Gedeeltelijk betaald",
  statusToPay: "Te betalen",
  paidThanks: "Betaald, dank je wel!",
  downloadPdf: "Download de pdf",
  waysToPay: "Zo betaal je",
  payOnline: "Online betalen",
  payOnlineHint:
    "Bancontact, kaart, KBC/CBC, Belfius en meer, op de beveiligde betaalpagina van Mollie.",
  bancontactTitle: "Bancontact Pay (Payconiq)",
  bancontactHint: "Scan met de Bancontact Pay-app (vroeger Payconiq) of je bankapp.",
  openInApp: "Open in de app",
  validUntil: "Deze code is geldig tot {time}. Herlaad de pagina voor een nieuwe.",
  bancontactRetry: "De Bancontact-code kon nu niet worden aangemaakt. Opnieuw proberen",
  transferTitle: "Overschrijving",
  transferHint: "Scan met je bankapp, of vul deze gegevens in.",
  beneficiary: "Begunstigde",
  waiting:
    "Dank je wel! We wachten op de bevestiging van je betaling; deze pagina werkt zichzelf bij.",
  notCompleted:
    "Je betaling is niet gelukt (geannuleerd, geweigerd of verlopen). Er werd niets aangerekend: probeer hieronder opnieuw, of betaal met een overschrijving.",
  onlineUnavailable: "Online betalen lukt op dit moment niet. Betaal met een overschrijving.",
  qrAlt: "QR-code",
};

const de: CustomerPageLabels = {
  from: "Von",
  statusPaid: "Bezahlt",
  statusPartiallyPaid: "Teilweise bezahlt",
  statusToPay: "Zu zahlen",
  paidThanks: "Bezahlt, vielen Dank!",
  downloadPdf: "PDF herunterladen",
  waysToPay: "So bezahlen Sie",
  payOnline: "Online bezahlen",
  payOnlineHint:
    "Bancontact, Karte, KBC/CBC, Belfius und mehr, auf der sicheren Zahlungsseite von Mollie.",
  bancontactTitle: "Bancontact Pay (Payconiq)",
  bancontactHint:
    "Scannen Sie mit der App Bancontact Pay (früher Payconiq) oder Ihrer Banking-App.",
  openInApp: "In der App öffnen",
  validUntil: "Dieser Code gilt bis {time}. Laden Sie die Seite neu, um einen neuen zu erhalten.",
  bancontactRetry: "Der Bancontact-Code konnte gerade nicht erstellt werden. Erneut versuchen",
  transferTitle: "Überweisung",
  transferHint: "Scannen Sie mit Ihrer Banking-App oder geben Sie diese Daten ein.",
  beneficiary: "Empfänger",
  waiting:
    "Vielen Dank! Wir warten auf die Bestätigung Ihrer Zahlung; diese Seite aktualisiert sich selbst.",
  notCompleted:
    "Ihre Zahlung wurde nicht abgeschlossen (abgebrochen, abgelehnt oder abgelaufen). Es wurde nichts belastet: Versuchen Sie es unten erneut oder zahlen Sie per Überweisung.",
  onlineUnavailable: "Online-Zahlung ist gerade nicht möglich. Bitte zahlen Sie per Überweisung.",
  qrAlt: "QR-Code",
};

const labels: Readonly<Record<DocumentLanguage, CustomerPageLabels>> = { en, fr, nl, de };

export function customerPageLabels(language: DocumentLanguage): CustomerPageLabels {
  return labels[language];
}
