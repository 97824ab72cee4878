import { getDocument, recordDocumentEvent } from "@/db/queries/documents";
import { getPeppolSettings } from "@/db/queries/peppol-settings";
import {
  getPeppolTransmission,
  markTransmissionSubmitted,
  settleTransmission,
} from "@/db/queries/peppol-transmissions";
import { tenant, type Tenant } from "@/db/tenant";
import type { Db } from "@/db";
import { enqueue } from "@/lib/jobs/queue";
import { issuedUbl } from "@/lib/documents/originals/issued-ubl";
import {
  peppolAnswerKey,
  peppolUblKey,
  storeOriginal,
} from "@/lib/documents/originals/store-original";
import { UblError } from "@/lib/peppol/ubl-error";
import { AccessPointError } from "@/lib/peppol/transport/access-point";
import { accessPointFromConfig } from "@/lib/peppol/transport/access-point-from-config";
import { formatParticipant } from "@/lib/peppol/transport/participant";
import { belgianBuyerParticipant } from "@/lib/peppol/send/buyer-participant";
import { fallBackToEmail, requeueFallbackEmails } from "@/lib/peppol/send/fall-back-to-email";
import { refreshPeppolOutcomesJob } from "./refresh-peppol-outcomes.job";
import { PermanentJobError } from "@/lib/jobs/permanent-job-error";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { sendOverPeppolJob } from "./send-over-peppol.job";

/** The work of `sendOverPeppolJob` (see its definition, ./send-over-peppol.job.ts). */
export const sendOverPeppolHandler = defineJobHandler(
  sendOverPeppolJob,
  async ({ organisationId, transmissionId, emailAlreadyQueued }, ctx) => {
    const t = tenant(organisationId);
    const transmission = await getPeppolTransmission(ctx.db, t, transmissionId);
    if (!transmission) {
      throw new PermanentJobError(`Transmission ${transmissionId} does not exist`, "missing");
    }
    if (transmission.status !== "queued") {
      // Done by an earlier attempt; if that was the email fallback, make sure its email left.
      if (transmission.channel === "email" && !emailAlreadyQueued)
        await requeueFallbackEmails(ctx.db, t, ctx.queue, transmission);
      return;
    }
    const fail = (reason: string) => failTransmission(ctx.db, t, transmission, reason);

    const document = (await getDocument(ctx.db, t, transmission.documentId))?.document;
    if (!document) return fail("document_missing");
    const receiver = belgianBuyerParticipant(document.customer);
    if (!receiver) return fail("not_b2b");
    const accessPoint = accessPointFromConfig(ctx.config);
    if (!accessPoint) return fail("not_configured");
    const settings = await getPeppolSettings(ctx.db, t);
    if (!settings?.senderId) return fail("not_registered");

    try {
      if (!(await accessPoint.canReceiveInvoices(receiver))) {
        return fallBackToEmail(ctx.db, t, ctx.queue, transmission.id, document, emailAlreadyQueued);
      }
      // The UBL issued (stored once, with the issued PDF inside), never a new rendering.
      const ubl = await issuedUbl(ctx.db, t, document.id, { appUrl: ctx.config.APP_URL });
      const { accessPointId } = await accessPoint.submit({
        senderId: settings.senderId,
        receiver,
        xml: ubl.bytes.toString("utf8"),
        idempotencyKey: transmission.idempotencyKey,
      });
      const receiverId = formatParticipant(receiver);
      // Kept with the document: what went to the access point, and what it answered.
      await storeOriginal(ctx.db, t, {
        documentId: document.id,
        kind: "peppol_ubl",
        key: peppolUblKey(transmission.id),
        contentType: "application/xml",
        bytes: ubl.bytes,
        details: { transmissionId: transmission.id, receiverId, accessPointId },
      });
      await storeOriginal(ctx.db, t, {
        documentId: document.id,
        kind: "peppol_answer",
        key: peppolAnswerKey(transmission.id, "submitted"),
        contentType: "application/json",
        bytes: JSON.stringify({ accessPointId }),
        details: { transmissionId: transmission.id, result: "submitted" },
      });
      await markTransmissionSubmitted(ctx.db, t, transmission.id, receiverId, accessPointId);
      await recordDocumentEvent(ctx.db, t, document.id, "peppol_sent", { to: receiverId });
      await enqueue(
        ctx.queue,
        refreshPeppolOutcomesJob,
        { round: 0 },
        {
          startAfterSeconds: 1,
        },
      );
    } catch (error) {
      const permanent =
        error instanceof UblError || (error instanceof AccessPointError && error.permanent);
      if (!permanent && !ctx.isLastAttempt) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      await fail(reason);
      throw new PermanentJobError(reason, "peppol_send_failed");
    }
  },
);

async function failTransmission(
  db: Db,
  t: Tenant,
  transmission: { id: string; documentId: string },
  reason: string,
): Promise<void> {
  if (await settleTransmission(db, t, transmission.id, "failed", reason)) {
    await recordDocumentEvent(db, t, transmission.documentId, "peppol_failed", { reason });
  }
}
