import type { Db } from "@/db";
import { createDocumentSend } from "@/db/queries/document-sends";
import { getDocument, recordDocumentEvent } from "@/db/queries/documents";
import type { Tenant } from "@/db/tenant";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import { documentBuyer } from "./document-buyer";
import { reminderRefusal, type ReminderRefusal } from "./document-state";
import { getOrganisation } from "@/db/queries/organisations";
import { claimDailySend } from "./sending-quota";

export type { ReminderRefusal };

/**
 * One click, one reminder: an unpaid invoice past its due date is emailed again
 * with the reminder text (and its PDF) through the same send job as documents, so
 * a provider outage delays it but never loses it, and a retry never sends twice.
 */
export async function queueReminder(
  db: Db,
  t: Tenant,
  invoiceId: string,
  today: string,
  queue: Queue,
): Promise<{ ok: true; to: string } | { ok: false; reason: ReminderRefusal | "daily_limit" }> {
  const found = await getDocument(db, t, invoiceId);
  const invoice = found?.document;
  const refusal = reminderRefusal(invoice ?? null, today);
  if (refusal || !invoice) return { ok: false, reason: refusal ?? "not_found" };
  // An order's invoice goes to the order's address; otherwise the customer may have a
  // (new) email address since the invoice was sent.
  const email = (await documentBuyer(db, t, invoice))?.email ?? invoice.customer?.email;
  if (!email) return { ok: false, reason: "missing_email" };
  const organisation = await getOrganisation(db, t.organisationId);
  if (!(await claimDailySend(db, organisation)).allowed)
    return { ok: false, reason: "daily_limit" };
  const send = await createDocumentSend(db, t, invoiceId, email, "reminder");
  await recordDocumentEvent(db, t, invoiceId, "reminder_queued", { to: email });
  await enqueue(queue, sendDocumentJob, { organisationId: t.organisationId, sendId: send.id });
  return { ok: true, to: email };
}
