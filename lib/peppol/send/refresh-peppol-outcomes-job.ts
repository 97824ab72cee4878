import { z } from "zod";
import { recordDocumentEvent } from "@/db/queries/documents";
import {
  anyTransmissionAwaitingOutcome,
  findTransmissionForOutcome,
  settleTransmission,
} from "@/db/queries/peppol-transmissions";
import { tenant } from "@/db/tenant";
import type { Db } from "@/db";
import { defineJob } from "@/lib/jobs/define-job";
import { enqueue } from "@/lib/jobs/queue";
import { AccessPointError, type DeliveryOutcome } from "../transport/access-point";
import { accessPointFromConfig } from "../transport/access-point-from-config";
import { queueOf } from "./job-queue";

/** Outcomes read per run, so one run never holds the worker for long. */
const MAX_OUTCOMES = 100;
/** Follow-up rounds after a submission: 1, 2, 4 … 120 s apart, about half an hour in all. */
const MAX_ROUNDS = 20;

/**
 * Reads the access point's delivery outcomes (delivered, rejected with the reason,
 * failed) and records each on its transmission and the document's activity log,
 * before acknowledging it, so an outcome is never lost. A submission starts a short
 * series of follow-up runs while anything awaits its outcome; the cron run catches
 * whatever comes later.
 */
export const refreshPeppolOutcomesJob = defineJob({
  name: "refresh-peppol-outcomes",
  retryLimit: 3,
  retryDelaySeconds: 30,
  cron: "*/10 * * * *",
  schema: z.object({ round: z.number().int().min(0).optional() }),
  handler: async ({ round }, ctx) => {
    const accessPoint = accessPointFromConfig(ctx.config);
    if (!accessPoint) return;
    for (let read = 0; read < MAX_OUTCOMES; read++) {
      const outcome = await accessPoint.nextOutcome();
      if (!outcome) break;
      await recordOutcome(ctx.db, outcome);
      await accessPoint.acknowledge(outcome.outcomeId).catch((error: unknown) => {
        // Another run acknowledged it first: nothing is lost.
        if (!(error instanceof AccessPointError && error.code === "refused")) throw error;
      });
    }
    if (round === undefined || round >= MAX_ROUNDS) return;
    if (!(await anyTransmissionAwaitingOutcome(ctx.db))) return;
    await enqueue(
      await queueOf(ctx),
      refreshPeppolOutcomesJob,
      { round: round + 1 },
      {
        startAfterSeconds: Math.min(2 ** round, 120),
      },
    );
  },
});

/** Exported for tests: applies one outcome; an unknown or repeated one changes nothing. */
export async function recordOutcome(db: Db, outcome: DeliveryOutcome): Promise<void> {
  if (outcome.result === "pending") return;
  const match = await findTransmissionForOutcome(db, outcome);
  if (!match) return;
  const t = tenant(match.organisationId);
  const settled = await settleTransmission(db, t, match.id, outcome.result, outcome.reason);
  if (settled) {
    await recordDocumentEvent(db, t, match.documentId, `peppol_${outcome.result}`, {
      to: settled.receiverId,
      reason: outcome.reason,
    });
  }
}
