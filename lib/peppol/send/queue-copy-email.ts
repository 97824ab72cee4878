import type { Db } from "@/db";
import { createDocumentSend } from "@/db/queries/document-sends";
import { recordDocumentEvent, type DocumentRow } from "@/db/queries/documents";
import { claimCopyEmail } from "@/db/queries/peppol-transmissions";
import type { Tenant } from "@/db/tenant";
import { documentBuyer } from "@/lib/documents/document-buyer";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import { enqueue, type Queue } from "@/lib/jobs/queue";

/**
 * The buyer's email of a Peppol-first document, once Peppol's outcome is known
 * (delivered, buyer not found, or waiting for the merchant's registration). The send
 * job marks its PDF and text as a copy and says which (peppol-copy.ts). Claimed on the
 * transmission, together with the email's send row, so it leaves once per send.
 */
export async function queueCopyEmail(
  db: Db,
  t: Tenant,
  queue: Queue,
  transmissionId: string,
  document: Pick<DocumentRow, "id" | "customer" | "customerId">,
): Promise<void> {
  const email = (await documentBuyer(db, t, document))?.email;
  const sendId = await db.transaction(async (tx) => {
    if (!(await claimCopyEmail(tx, t, transmissionId))) return null;
    if (!email) return null; // a Belgian company without an address: Peppol only
    const send = await createDocumentSend(tx, t, document.id, email);
    await recordDocumentEvent(tx, t, document.id, "send_queued", { to: email });
    return send.id;
  });
  if (sendId) await enqueue(queue, sendDocumentJob, { organisationId: t.organisationId, sendId });
}
