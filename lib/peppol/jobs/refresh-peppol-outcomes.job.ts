import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

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
  // One pull of the access point's outcomes.
  expireInSeconds: 300,
  cron: "*/10 * * * *",
  schema: z.object({ round: z.number().int().min(0).optional() }),
});
