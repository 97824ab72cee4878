import { getDocument, recordDocumentEvent } from "@/db/queries/documents";
import {
  anyTransmissionAwaitingOutcome,
  findTransmissionForOutcome,
  settleTransmission,
} from "@/db/queries/peppol-transmissions";
import { tenant } from "@/db/tenant";
import type { Db } from "@/db";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { queueCopyEmail } from "@/lib/peppol/send/queue-copy-email";
import { AccessPointError, type DeliveryOutcome } from "@/lib/peppol/transport/access-point";
import { accessPointFromConfig } from "@/lib/peppol/transport/access-point-from-config";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { peppolAnswerKey, storeOriginal } from "@/lib/documents/originals/store-original";
import { refreshPeppolOutcomesJob } from "./refresh-peppol-outcomes.job";

/** Outcomes read per run, so one run never holds the worker for long. */
const MAX_OUTCOMES = 100;
/** Follow-up rounds after a submission: 1, 2, 4 … 120 s apart, about half an hour in all. */
const MAX_ROUNDS = 20;

/** The work of `refreshPeppolOutcomesJob` (see its definition, ./refresh-peppol-outcomes.job.ts). */
export const refreshPeppolOutcomesHandler = defineJobHandler(
  refreshPeppolOutcomesJob,
  async ({ round }, ctx) => {
    const accessPoint = accessPointFromConfig(ctx.config);
    if (!accessPoint) return;
    for (let read = 0; read < MAX_OUTCOMES; read++) {
      const outcome = await accessPoint.nextOutcome();
      if (!outcome) break;
      await recordOutcome(ctx.db, outcome, ctx.queue);
      await accessPoint.acknowledge(outcome.outcomeId).catch((error: unknown) => {
        // Another run acknowledged it first: nothing is lost.
        if (!(error instanceof AccessPointError && error.code === "refused")) throw error;
      });
    }
    if (round === undefined || round >= MAX_ROUNDS) return;
    if (!(await anyTransmissionAwaitingOutcome(ctx.db))) return;
    await enqueue(
      ctx.queue,
      refreshPeppolOutcomesJob,
      { round: round + 1 },
      {
        startAfterSeconds: Math.min(2 ** round, 120),
      },
    );
  },
);

/** Exported for tests: applies one outcome; an unknown or repeated one changes nothing. */
export async function recordOutcome(db: Db, outcome: DeliveryOutcome, queue: Queue): Promise<void> {
  if (outcome.result === "pending") return;
  const match = await findTransmissionForOutcome(db, outcome);
  if (!match) return;
  const t = tenant(match.organisationId);
  // The answer itself is kept with the document (once: the outcome's id is its key).
  await storeOriginal(db, t, {
    documentId: match.documentId,
    kind: "peppol_answer",
    key: peppolAnswerKey(match.id, outcome.outcomeId),
    contentType: "application/json",
    bytes: JSON.stringify(outcome),
    details: { transmissionId: match.id, result: outcome.result },
  });
  const settled = await settleTransmission(db, t, match.id, outcome.result, outcome.reason);
  if (settled) {
    await recordDocumentEvent(db, t, match.documentId, `peppol_${outcome.result}`, {
      to: settled.receiverId,
      reason: outcome.reason,
    });
  }
  // Delivered: the buyer's PDF copy can now say so. A refusal goes to the merchant first.
  if (outcome.result === "delivered") {
    const document = (await getDocument(db, t, match.documentId))?.document;
    if (document) await queueCopyEmail(db, t, queue, match.id, document);
  }
}
