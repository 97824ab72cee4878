import type { CustomerSnapshot } from "@/db/schema/documents";
import type { PeppolTransmissionStatus } from "@/db/schema/peppol";
import type { DocumentType } from "@/lib/documents/document-lifecycle";
import type { TextLanguage } from "@/lib/documents/default-texts";
import { belgianBuyerParticipant } from "./buyer-participant";

/**
 * Peppol first (the Belgian mandate since 1 January 2026): between Belgian VAT-registered
 * businesses the invoice is the Peppol e-invoice, and a PDF by email is not an invoice.
 * A document concerned goes over Peppol when it is sent; every PDF of it a person reads
 * (emailed, downloaded, the customer's link) says it is a copy, and which.
 */
export function isPeppolFirst(document: {
  readonly type: DocumentType;
  readonly customer: Pick<CustomerSnapshot, "vatNumber"> | null;
}): boolean {
  return (
    (document.type === "invoice" || document.type === "credit_note") &&
    belgianBuyerParticipant(document.customer) !== null
  );
}

/**
 * Which copy a PDF is: the legal document was delivered over Peppol; the buyer was not
 * found on Peppol (the look-up is retried); or it is on its way (queued, waiting for
 * the merchant's registration, refused…). Null for documents Peppol does not concern.
 */
export type PeppolCopyState = "delivered" | "not_found" | "pending";

export function peppolCopyState(
  document: Parameters<typeof isPeppolFirst>[0],
  latest: { readonly status: PeppolTransmissionStatus; readonly reason: string | null } | null,
): PeppolCopyState | null {
  if (!isPeppolFirst(document)) return null;
  if (latest?.status === "delivered") return "delivered";
  if (latest?.status === "not_found") return "not_found";
  if (latest?.status === "failed" && latest.reason === BUYER_NOT_ON_PEPPOL) return "not_found";
  return "pending";
}

/** The reason of a transmission that gave up looking the buyer up. */
export const BUYER_NOT_ON_PEPPOL = "buyer_not_on_peppol";

type Texts = Record<PeppolCopyState, string>;

interface CopyPack {
  /** "invoice" / "credit note" in the phrases below ({document}). */
  readonly names: Readonly<Record<"invoice" | "credit_note", string>>;
  /** One line on the PDF, under its header. */
  readonly pdf: Texts;
  /** The email's first paragraph. {ids}: the buyer's Peppol ids looked up. */
  readonly email: Texts;
}

const packs: Readonly<Record<TextLanguage, CopyPack>> = {
  en: {
    names: { invoice: "invoice", credit_note: "credit note" },
    pdf: {
      delivered: "Copy — the legal {document} was delivered over Peppol",
      pending: "Copy — not the legal {document}, which is sent over Peppol",
      not_found: "Copy — not the legal {document}: your company was not found on Peppol",
    },
    email: {
      delivered:
        "The attached PDF is a copy. The legal {document} was delivered to your company over Peppol, as Belgian law requires between VAT-registered businesses since 1 January 2026.",
      pending:
        "The attached PDF is a copy, not the legal {document}: between Belgian VAT-registered businesses the {document} is a Peppol e-invoice, and it is sent to you over Peppol.",
      not_found:
        "The attached PDF is a copy, not the legal {document}. Between Belgian VAT-registered businesses the {document} is a Peppol e-invoice, but we could not find your company on Peppol (as {ids}). Please register with a Peppol access point (your accounting software usually offers it) or send us your Peppol ID: the {document} will then reach you over Peppol.",
    },
  },
  fr: {
    names: { invoice: "facture", credit_note: "note de crédit" },
    pdf: {
      delivered: "Copie — la {document} légale a été remise via Peppol",
      pending: "Copie — pas la {document} légale, qui est envoyée via Peppol",
      not_found: "Copie — pas la {document} légale : votre entreprise est introuvable sur Peppol",
    },
    email: {
      delivered:
        "Le PDF joint est une copie. La {document} légale a été remise à votre entreprise via Peppol, comme la loi belge l'exige entre assujettis à la TVA depuis le 1er janvier 2026.",
      pending:
        "Le PDF joint est une copie, pas la {document} légale : entre assujettis belges à la TVA, la {document} est une facture électronique Peppol, qui vous est envoyée via Peppol.",
      not_found:
        "Le PDF joint est une copie, pas la {document} légale. Entre assujettis belges à la TVA, la {document} est une facture électronique Peppol, mais nous n'avons pas trouvé votre entreprise sur Peppol (sous {ids}). Inscrivez-vous auprès d'un point d'accès Peppol (votre logiciel comptable le propose souvent) ou communiquez-nous votre identifiant Peppol : la {document} vous parviendra alors via Peppol.",
    },
  },
  nl: {
    names: { invoice: "factuur", credit_note: "creditnota" },
    pdf: {
      delivered: "Kopie — de wettelijke {document} werd via Peppol bezorgd",
      pending: "Kopie — niet de wettelijke {document}, die via Peppol wordt verstuurd",
      not_found: "Kopie — niet de wettelijke {document}: uw onderneming is niet gevonden op Peppol",
    },
    email: {
      delivered:
        "De bijgevoegde pdf is een kopie. De wettelijke {document} werd via Peppol aan uw onderneming bezorgd, zoals de Belgische wet sinds 1 januari 2026 vraagt tussen btw-plichtigen.",
      pending:
        "De bijgevoegde pdf is een kopie, niet de wettelijke {document}: tussen Belgische btw-plichtigen is de {document} een Peppol-e-factuur, die u via Peppol ontvangt.",
      not_found:
        "De bijgevoegde pdf is een kopie, niet de wettelijke {document}. Tussen Belgische btw-plichtigen is de {document} een Peppol-e-factuur, maar we vonden uw onderneming niet op Peppol (als {ids}). Registreer u bij een Peppol-toegangspunt (uw boekhoudpakket biedt dat meestal aan) of bezorg ons uw Peppol-ID: de {document} bereikt u dan via Peppol.",
    },
  },
  de: {
    names: { invoice: "Rechnung", credit_note: "Gutschrift" },
    pdf: {
      delivered: "Kopie — die rechtsgültige {document} wurde über Peppol zugestellt",
      pending: "Kopie — nicht die rechtsgültige {document}; diese wird über Peppol gesendet",
      not_found:
        "Kopie — nicht die rechtsgültige {document}: Ihr Unternehmen wurde auf Peppol nicht gefunden",
    },
    email: {
      delivered:
        "Das beigefügte PDF ist eine Kopie. Die rechtsgültige {document} wurde Ihrem Unternehmen über Peppol zugestellt, wie es das belgische Recht seit dem 1. Januar 2026 zwischen Mehrwertsteuerpflichtigen verlangt.",
      pending:
        "Das beigefügte PDF ist eine Kopie, nicht die rechtsgültige {document}: Zwischen belgischen Mehrwertsteuerpflichtigen ist die {document} eine Peppol-E-Rechnung, die Ihnen über Peppol gesendet wird.",
      not_found:
        "Das beigefügte PDF ist eine Kopie, nicht die rechtsgültige {document}. Zwischen belgischen Mehrwertsteuerpflichtigen ist die {document} eine Peppol-E-Rechnung, aber wir haben Ihr Unternehmen auf Peppol nicht gefunden (als {ids}). Bitte registrieren Sie sich bei einem Peppol-Zugangspunkt (Ihre Buchhaltungssoftware bietet das meist an) oder teilen Sie uns Ihre Peppol-ID mit: Die {document} erreicht Sie dann über Peppol.",
    },
  },
};

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

const nameOf = (pack: CopyPack, type: DocumentType) =>
  pack.names[type === "credit_note" ? "credit_note" : "invoice"];

/** The line printed on the PDF copy, in the document's language. */
export function peppolCopyPdfNotice(
  state: PeppolCopyState,
  type: DocumentType,
  language: TextLanguage,
): string {
  const pack = packs[language];
  return fill(pack.pdf[state], { document: nameOf(pack, type) });
}

/** The paragraph that opens the email carrying the copy, in the email's language. */
export function peppolCopyEmailNotice(
  state: PeppolCopyState,
  type: DocumentType,
  language: TextLanguage,
  ids: readonly string[],
): string {
  const pack = packs[language];
  return fill(pack.email[state], { document: nameOf(pack, type), ids: ids.join(", ") });
}
