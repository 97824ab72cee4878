import { getDocument, recordDocumentEvent } from "@/db/queries/documents";
import { getPeppolSettings } from "@/db/queries/peppol-settings";
import {
  getPeppolTransmission,
  markBuyerNotFound,
  markTransmissionInvalid,
  markTransmissionSubmitted,
  markTransmissionWaiting,
  settleTransmission,
} from "@/db/queries/peppol-transmissions";
import { tenant, type Tenant } from "@/db/tenant";
import type { Db } from "@/db";
import { enqueue } from "@/lib/jobs/queue";
import { AccessPointError } from "@/lib/peppol/transport/access-point";
import { accessPointFromConfig } from "@/lib/peppol/transport/access-point-from-config";
import { formatParticipant, type PeppolParticipant } from "@/lib/peppol/transport/participant";
import type { PeppolAccessPoint } from "@/lib/peppol/transport/access-point";
import { belgianBuyerParticipants } from "@/lib/peppol/send/buyer-participant";
import { requeueFallbackEmails } from "@/lib/peppol/send/requeue-fallback-emails";
import { queueCopyEmail } from "@/lib/peppol/send/queue-copy-email";
import { BUYER_NOT_ON_PEPPOL } from "@/lib/peppol/send/peppol-copy";
import { nextLookupDelaySeconds } from "@/lib/peppol/send/lookup-schedule";
import { prepareTransmittedUbl } from "@/lib/peppol/send/prepare-transmitted-ubl";
import {
  peppolAnswerKey,
  peppolUblKey,
  storeOriginal,
} from "@/lib/documents/originals/store-original";
import { refreshPeppolOutcomesJob } from "./refresh-peppol-outcomes.job";
import { PermanentJobError } from "@/lib/jobs/permanent-job-error";
import { defineJobHandler, type JobContext } from "@/lib/jobs/job-handler";
import { sendOverPeppolJob } from "./send-over-peppol.job";

/** The work of `sendOverPeppolJob` (see its definition, ./send-over-peppol.job.ts). */
export const sendOverPeppolHandler = defineJobHandler(
  sendOverPeppolJob,
  async ({ organisationId, transmissionId }, ctx) => {
    const t = tenant(organisationId);
    const transmission = await getPeppolTransmission(ctx.db, t, transmissionId);
    if (!transmission) {
      throw new PermanentJobError(`Transmission ${transmissionId} does not exist`, "missing");
    }
    if (transmission.channel === "email") {
      // A transmission of before Peppol first: its email fallback, if a crash kept it back.
      if (transmission.status === "sent")
        await requeueFallbackEmails(ctx.db, t, ctx.queue, transmission);
      return;
    }
    if (!["queued", "waiting", "not_found"].includes(transmission.status)) return;
    const fail = (reason: string) => failTransmission(ctx.db, t, transmission, reason);

    const document = (await getDocument(ctx.db, t, transmission.documentId))?.document;
    if (!document) return fail("document_missing");
    const receivers = belgianBuyerParticipants(document.customer);
    if (receivers.length === 0) return fail("not_b2b");
    const accessPoint = accessPointFromConfig(ctx.config);
    const settings = await getPeppolSettings(ctx.db, t);
    if (!accessPoint || !settings?.senderId) {
      // The merchant can fix this (register); the document goes as soon as they do.
      const reason = accessPoint ? "not_registered" : "not_configured";
      if (await markTransmissionWaiting(ctx.db, t, transmission.id, reason)) {
        if (transmission.status !== "waiting") {
          await recordDocumentEvent(ctx.db, t, document.id, "peppol_waiting", { reason });
        }
      }
      await queueCopyEmail(ctx.db, t, ctx.queue, transmission.id, document);
      return;
    }

    try {
      const receiver = await findReceiver(accessPoint, receivers);
      // Validated before anything leaves, whether the buyer is found or not: a document
      // the rules refuse is never transmitted, and the merchant learns it at once.
      const prepared = await prepareTransmittedUbl(ctx.db, t, document.id, {
        appUrl: ctx.config.APP_URL,
        receiver: receiver ?? undefined,
      });
      if (!prepared.valid) {
        if (await markTransmissionInvalid(ctx.db, t, transmission.id, prepared.failures)) {
          await recordDocumentEvent(ctx.db, t, document.id, "peppol_invalid", {
            reason: prepared.failures.map((f) => f.rule).join(", "),
          });
        }
        return;
      }
      if (!receiver) return await buyerNotFound(ctx, t, transmission, document, receivers);

      const { accessPointId } = await accessPoint.submit({
        senderId: settings.senderId,
        receiver,
        xml: prepared.xml,
        idempotencyKey: transmission.idempotencyKey,
      });
      const receiverId = formatParticipant(receiver);
      // Kept with the document: what went to the access point, and what it answered.
      await storeOriginal(ctx.db, t, {
        documentId: document.id,
        kind: "peppol_ubl",
        key: peppolUblKey(transmission.id),
        contentType: "application/xml",
        bytes: prepared.xml,
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
      await enqueue(ctx.queue, refreshPeppolOutcomesJob, { round: 0 }, { startAfterSeconds: 1 });
    } catch (error) {
      const permanent = error instanceof AccessPointError && error.permanent;
      if (!permanent && !ctx.isLastAttempt) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      await fail(reason);
      throw new PermanentJobError(reason, "peppol_send_failed");
    }
  },
);

/** The first of the buyer's ids (0208, then 9925) the network knows, or null. */
async function findReceiver(
  accessPoint: PeppolAccessPoint,
  receivers: readonly PeppolParticipant[],
): Promise<PeppolParticipant | null> {
  for (const receiver of receivers) {
    if (await accessPoint.canReceiveInvoices(receiver)) return receiver;
  }
  return null;
}

/**
 * On neither scheme: the look-up is planned again (backoff, through the queue) and the
 * buyer gets the PDF marked as a copy that says why; after the last look-up the
 * transmission fails with that reason and the merchant is told what to do.
 */
async function buyerNotFound(
  ctx: JobContext,
  t: Tenant,
  transmission: { id: string; documentId: string; lookups: number; status: string },
  document: Parameters<typeof queueCopyEmail>[4],
  receivers: readonly PeppolParticipant[],
): Promise<void> {
  const lookups = transmission.lookups + 1;
  const delay = nextLookupDelaySeconds(lookups);
  const ids = receivers.map(formatParticipant);
  if (delay === null) {
    await failTransmission(ctx.db, t, transmission, BUYER_NOT_ON_PEPPOL);
  } else {
    await markBuyerNotFound(
      ctx.db,
      t,
      transmission.id,
      lookups,
      new Date(Date.now() + delay * 1000),
    );
    if (transmission.status !== "not_found") {
      await recordDocumentEvent(ctx.db, t, document.id, "peppol_not_found", { to: ids.join(", ") });
    }
    await enqueue(
      ctx.queue,
      sendOverPeppolJob,
      { organisationId: t.organisationId, transmissionId: transmission.id },
      { startAfterSeconds: delay },
    );
  }
  await queueCopyEmail(ctx.db, t, ctx.queue, transmission.id, document);
}

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
