import { z } from "zod";
import { getDocument, recordDocumentEvent } from "@/db/queries/documents";
import { getPeppolSettings } from "@/db/queries/peppol-settings";
import {
  getPeppolTransmission,
  markTransmissionSubmitted,
  settleTransmission,
} from "@/db/queries/peppol-transmissions";
import { tenant, type Tenant } from "@/db/tenant";
import type { Db } from "@/db";
import { defineJob, PermanentJobError } from "@/lib/jobs/define-job";
import { enqueue } from "@/lib/jobs/queue";
import { renderDocumentUbl } from "../render-document-ubl";
import { UblError } from "../ubl-error";
import { AccessPointError } from "../transport/access-point";
import { accessPointFromConfig } from "../transport/access-point-from-config";
import { formatParticipant } from "../transport/participant";
import { belgianBuyerParticipant } from "./buyer-participant";
import { fallBackToEmail, requeueFallbackEmails } from "./fall-back-to-email";
import { queueOf } from "./job-queue";
import { refreshPeppolOutcomesJob } from "./refresh-peppol-outcomes-job";

/**
 * One queued transmission, start to end: look the buyer up through the access
 * point; on the network, submit the document's UBL (PDF embedded) under the
 * transmission's idempotency key; off it, fall back to email. A retry after a crash
 * submits with the same key, which the access point processes once. What cannot
 * succeed (not set up, refused document) ends the transmission as failed with its
 * reason, on the document page; network trouble is retried, and recorded as failed
 * when the last attempt fails too.
 */
export const sendOverPeppolJob = defineJob({
  name: "send-over-peppol",
  retryLimit: 6,
  retryDelaySeconds: 15,
  schema: z.object({
    organisationId: z.string().uuid(),
    transmissionId: z.string().uuid(),
    emailAlreadyQueued: z.boolean().default(false),
  }),
  handler: async ({ organisationId, transmissionId, emailAlreadyQueued }, ctx) => {
    const t = tenant(organisationId);
    const transmission = await getPeppolTransmission(ctx.db, t, transmissionId);
    if (!transmission) {
      throw new PermanentJobError(`Transmission ${transmissionId} does not exist`, "missing");
    }
    if (transmission.status !== "queued") {
      // Done by an earlier attempt; if that was the email fallback, make sure its email left.
      if (transmission.channel === "email" && !emailAlreadyQueued)
        await requeueFallbackEmails(ctx.db, t, await queueOf(ctx), transmission);
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
        const queue = await queueOf(ctx);
        return fallBackToEmail(ctx.db, t, queue, transmission.id, document, emailAlreadyQueued);
      }
      const { xml } = await renderDocumentUbl(ctx.db, t, document.id);
      const { accessPointId } = await accessPoint.submit({
        senderId: settings.senderId,
        receiver,
        xml,
        idempotencyKey: transmission.idempotencyKey,
      });
      const receiverId = formatParticipant(receiver);
      await markTransmissionSubmitted(ctx.db, t, transmission.id, receiverId, accessPointId);
      await recordDocumentEvent(ctx.db, t, document.id, "peppol_sent", { to: receiverId });
      await enqueue(
        await queueOf(ctx),
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
});

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
