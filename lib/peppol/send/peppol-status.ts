import type { CustomerSnapshot } from "@/db/schema/documents";
import type { PeppolTransmissionStatus } from "@/db/schema/peppol";
import type { DocumentStatus, DocumentType } from "@/lib/documents/document-lifecycle";
import { isFinalised } from "@/lib/documents/document-lifecycle";
import { BUYER_NOT_ON_PEPPOL, isPeppolFirst } from "./peppol-copy";

/**
 * Where a Peppol-first document stands, for the list and the document page:
 * - not_sent: issued, never handed to Peppol (an issue of before Peppol first, or a
 *   Send that found a transmission refused): the merchant should send it;
 * - on_its_way: queued, or taken by the access point and waiting for delivery;
 * - waiting: for the merchant's registration on Peppol;
 * - invalid: the official rules refused the UBL, nothing was transmitted;
 * - not_found: the buyer is not on Peppol yet; looked up again later;
 * - not_on_peppol: the look-ups gave up;
 * - delivered, rejected, failed: the access point's or receiver's last word.
 * Null for documents Peppol does not concern (consumers, foreign buyers, concepts…).
 */
export type PeppolDocumentStatus =
  | "not_sent"
  | "on_its_way"
  | "waiting"
  | "invalid"
  | "not_found"
  | "not_on_peppol"
  | "delivered"
  | "rejected"
  | "failed";

export function peppolDocumentStatus(
  document: {
    readonly type: DocumentType;
    readonly status: DocumentStatus;
    readonly customer: Pick<CustomerSnapshot, "vatNumber"> | null;
  },
  latest: {
    readonly channel: string;
    readonly status: PeppolTransmissionStatus;
    readonly reason: string | null;
  } | null,
): PeppolDocumentStatus | null {
  if (!isFinalised(document.status) || !isPeppolFirst(document)) return null;
  // An email fallback of before Peppol first did not deliver the invoice over Peppol.
  if (!latest || latest.channel !== "peppol") return "not_sent";
  switch (latest.status) {
    case "queued":
    case "sent":
      return "on_its_way";
    case "failed":
      return latest.reason === BUYER_NOT_ON_PEPPOL ? "not_on_peppol" : "failed";
    default:
      return latest.status;
  }
}

/** Statuses that need the merchant (shown as a warning, not as information). */
export function peppolStatusNeedsAction(status: PeppolDocumentStatus): boolean {
  return !["on_its_way", "delivered", "not_found"].includes(status);
}
