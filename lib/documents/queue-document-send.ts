import type { Db } from "@/db";
import { createDocumentSend } from "@/db/queries/document-sends";
import { getOrganisation } from "@/db/queries/organisations";
import { missingForInvoicing } from "@/lib/company/readiness";
import { getDocument, recordDocumentEvent } from "@/db/queries/documents";
import type { Tenant } from "@/db/tenant";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import { storeOriginalsJob } from "@/lib/documents/jobs/store-originals.job";
import { reachableOverPeppolOnly } from "@/lib/peppol/send/reachable-over-peppol-only";
import { queuePeppolSend } from "@/lib/peppol/send/queue-peppol-send";
import { isPeppolFirst } from "@/lib/peppol/send/peppol-copy";
import { openTransmissionOf } from "@/db/queries/peppol-transmissions";
import { applyRefundsWaitingFor } from "@/lib/shopify/order-sync/waiting-refunds";
import type { Clock } from "@/lib/calendar/clock";
import { documentBuyer } from "./document-buyer";
import { isFinalised } from "./document-lifecycle";
import { needsDeliveryDate } from "./document-state";
import { needsVatInEuro } from "./vat-in-euro";
import { finaliseDocument } from "./finalise-document";
import { claimDailySend } from "./sending-quota";

/** A document that may not leave yet; the code names what the merchant must fix. */
export class SendBlockedError extends Error {
  constructor(
    public readonly code:
      | "company_incomplete"
      | "vat_number_required"
      | "delivery_date_required"
      | "vat_in_euro_required"
      | "franchise_vat_charged",
  ) {
    super(`Sending is blocked: ${code}`);
    this.name = "SendBlockedError";
  }
}

export interface QueueSendsResult {
  queued: string[];
  missingEmail: string[];
  notConcept: string[];
  /** Not sent (and not numbered): the organisation's daily sending limit is reached. */
  overDailyLimit: string[];
  /** That limit, when it refused some. */
  dailyLimit?: number;
}

/**
 * The merchant's Send (by hand, in bulk, or Shopify's automatic send): a concept is
 * finalised now (it gets its number at once), then the PDF and the email go through a
 * job, so a provider outage delays the email but never loses it. Peppol first: an
 * invoice or credit note whose buyer (the document's own snapshot) has a Belgian VAT
 * number goes over Peppol, and its buyer gets the PDF as a marked copy once the outcome
 * is known (lib/peppol/send). Without an email address the document stays a concept,
 * unless it is a Belgian B2B invoice the merchant can send over Peppol: then Peppol only.
 * Already finalised documents are sent again; cancelled ones are refused.
 */
export async function queueDocumentSends(
  db: Db,
  t: Tenant,
  documentIds: string[],
  queue: Queue,
  /** "Now" for the numbering and the daily count: the entry (action, job) passes it. */
  clock: Clock,
  /** The daily sending limit applies to the merchant's sends, not to Shopify's (sending-quota.ts). */
  options: { dailyLimit?: boolean } = {},
): Promise<QueueSendsResult> {
  const result: QueueSendsResult = {
    queued: [],
    missingEmail: [],
    notConcept: [],
    overDailyLimit: [],
  };
  const organisation = await getOrganisation(db, t.organisationId);
  for (const id of documentIds) {
    const found = await getDocument(db, t, id);
    const document = found?.document;
    if (!document || !(document.status === "concept" || isFinalised(document.status))) {
      result.notConcept.push(id);
      continue;
    }
    // An order's buyer is written to at the order's address; a customer record's
    // concept at the customer's address of today (it may have gained one since).
    const customer = await documentBuyer(db, t, document);
    const email = customer?.email;
    const peppolOnly = !email && (await reachableOverPeppolOnly(db, t, document, customer));
    if (!email && !peppolOnly) {
      result.missingEmail.push(id);
      continue;
    }
    if (email && options.dailyLimit !== false) {
      // Counted before numbering: a document over the limit stays a concept.
      const quota = await claimDailySend(db, organisation, clock.now());
      if (!quota.allowed) {
        result.overDailyLimit.push(id);
        result.dailyLimit = quota.limit;
        continue;
      }
    }
    if (document.status === "concept") {
      // The legal mentions an invoice needs (art. 5 KB nr. 1) must exist before it is numbered.
      if (
        (document.type === "invoice" || document.type === "credit_note") &&
        missingForInvoicing(organisation).length > 0
      ) {
        throw new SendBlockedError("company_incomplete");
      }
      // Under the small-enterprise franchise (art. 56bis VAT Code) no document shows VAT:
      // VAT an invoice states is owed by its issuer all the same. A Shopify order taxed
      // anyway waits for the merchant to decide (lines set to the franchise, or a refund).
      if (organisation.vatFranchise && found.lines.some((line) => line.vatRateBp > 0)) {
        throw new SendBlockedError("franchise_vat_charged");
      }
      // Reverse charge and intra-EU supplies are only exempt with the buyer's VAT number on them.
      const needsBuyerVat = found.lines.some(
        (line) => line.vatCategory === "K" || line.vatCategory === "AE",
      );
      if (needsBuyerVat && !customer?.vatNumber) throw new SendBlockedError("vat_number_required");
      // An intra-EU supply of goods states when the goods left (BR-IC-11, the exemption's proof).
      const categories = found.lines.map((line) => line.vatCategory);
      if (needsDeliveryDate(document, categories))
        throw new SendBlockedError("delivery_date_required");
      // An invoice in another currency states its VAT in euro too (art. 230 VAT Directive).
      if (
        (document.type === "invoice" || document.type === "credit_note") &&
        needsVatInEuro(document)
      )
        throw new SendBlockedError("vat_in_euro_required");
      await finaliseDocument(db, t, { documentId: id }, clock);
      // Its PDF (and UBL) are rendered once, off the request, and kept as its originals.
      await enqueue(queue, storeOriginalsJob, { organisationId: t.organisationId, documentId: id });
      // A Shopify refund that came while this invoice was a concept is credited now.
      await applyRefundsWaitingFor({ db, queue }, t, id);
    }
    // The issued document's own buyer decides (frozen at finalising), never the record.
    const issued =
      document.status === "concept" ? (await getDocument(db, t, id))?.document : document;
    if (issued && isPeppolFirst(issued) && (await startsPeppolTransmission(db, t, id))) {
      await queuePeppolSend(db, t, id, queue, { copyEmail: Boolean(email) });
      result.queued.push(id);
      continue;
    }
    if (!email) {
      result.missingEmail.push(id);
      continue;
    }
    const send = await createDocumentSend(db, t, id, email);
    await recordDocumentEvent(db, t, id, "send_queued", { to: email });
    await enqueue(queue, sendDocumentJob, { organisationId: t.organisationId, sendId: send.id });
    result.queued.push(id);
  }
  return result;
}

/**
 * A Peppol-first document's Send goes over Peppol unless a transmission is already on
 * its way or delivered: sending again then emails the buyer another (marked) copy.
 * One waiting for the merchant's registration or the buyer's is tried again instead.
 */
async function startsPeppolTransmission(db: Db, t: Tenant, documentId: string): Promise<boolean> {
  const open = await openTransmissionOf(db, t, documentId);
  return !open || open.status === "waiting" || open.status === "not_found";
}
