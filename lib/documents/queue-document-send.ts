import type { Db } from "@/db";
import { snapshotCustomer } from "@/db/queries/customer-snapshot";
import { createDocumentSend } from "@/db/queries/document-sends";
import { getDocument, recordDocumentEvent } from "@/db/queries/documents";
import { finaliseDocument } from "@/db/queries/finalise-document";
import type { Tenant } from "@/db/tenant";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { sendDocumentJob } from "@/lib/jobs/send-document-job";
import { isFinalised } from "./document-lifecycle";

export interface QueueSendsResult {
  queued: string[];
  missingEmail: string[];
  notConcept: string[];
}

/**
 * The merchant's Send: a concept is finalised now (it gets its number at once),
 * then the PDF and the email go through a job, so a provider outage delays the
 * email but never loses it. Without an email address the document stays a concept.
 * Already finalised documents are sent again; cancelled ones are refused.
 */
export async function queueDocumentSends(
  db: Db,
  t: Tenant,
  documentIds: string[],
  queue?: Queue,
): Promise<QueueSendsResult> {
  const result: QueueSendsResult = { queued: [], missingEmail: [], notConcept: [] };
  const boss = queue ?? (await (await import("@/lib/jobs/runtime")).getQueue());
  for (const id of documentIds) {
    const found = await getDocument(db, t, id);
    const document = found?.document;
    if (!document || !(document.status === "concept" || isFinalised(document.status))) {
      result.notConcept.push(id);
      continue;
    }
    // The customer may have gained an email address since the concept was saved.
    const customer = (await snapshotCustomer(db, t, document.customerId)) ?? document.customer;
    const email = customer?.email;
    if (!email) {
      result.missingEmail.push(id);
      continue;
    }
    if (document.status === "concept") await finaliseDocument(db, t, id);
    const send = await createDocumentSend(db, t, id, email);
    await recordDocumentEvent(db, t, id, "send_queued", { to: email });
    await enqueue(boss, sendDocumentJob, { organisationId: t.organisationId, sendId: send.id });
    result.queued.push(id);
  }
  return result;
}
