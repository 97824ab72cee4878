import type { Db } from "@/db";
import { getPeppolSettings } from "@/db/queries/peppol-settings";
import type { Tenant } from "@/db/tenant";
import type { CustomerSnapshot } from "@/db/schema";
import type { Queue } from "@/lib/jobs/queue";
import { logger } from "@/lib/log/logger";
import { belgianBuyerParticipant } from "./buyer-participant";
import { queuePeppolSend } from "./queue-peppol-send";

/**
 * The send flow's hook: when the merchant switched on "send B2B invoices over Peppol
 * automatically", a Belgian B2B invoice or credit note that was just sent by email also
 * goes over Peppol (the email is already on its way, so no second one on fallback).
 * Never fails the email send: a problem here is logged and the button remains.
 */
export async function queueAutomaticPeppolSend(
  db: Db,
  t: Tenant,
  documentId: string,
  queue: Queue,
): Promise<void> {
  try {
    if (!(await getPeppolSettings(db, t))?.autoSend) return;
    await queuePeppolSend(db, t, documentId, queue, { emailAlreadyQueued: true });
  } catch (error) {
    logger.error({ err: error, documentId }, "Automatic Peppol send could not be queued");
  }
}

/**
 * A Belgian company customer without an email address can still be invoiced: over
 * Peppol only, once the merchant is registered (the mandate's normal channel).
 */
export async function reachableOverPeppolOnly(
  db: Db,
  t: Tenant,
  document: { type: string },
  customer: CustomerSnapshot | null,
): Promise<boolean> {
  if (document.type !== "invoice" && document.type !== "credit_note") return false;
  if (!belgianBuyerParticipant(customer)) return false;
  return Boolean((await getPeppolSettings(db, t))?.senderId);
}
