import type { Db } from "@/db";
import { getPeppolSettings } from "@/db/queries/peppol-settings";
import type { Tenant } from "@/db/tenant";
import type { Queue } from "@/lib/jobs/queue";
import { logger } from "@/lib/log/logger";
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
