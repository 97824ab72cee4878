import { z } from "zod";
import { defineJob } from "@/lib/jobs/define-job";

/**
 * Imports one uploaded statement: parse, store each line once (account +
 * statement + line is the key, so a second import of the file adds nothing),
 * match the new credit lines, and record a payment on each matched invoice.
 * Suggestions and unmatched lines wait for the merchant on the Payments page.
 */
export const importBankStatementJob = defineJob({
  name: "import-bank-statement",
  retryLimit: 3,
  retryDelaySeconds: 10,
  // Parsing and matching one file: seconds, minutes for a huge one.
  expireInSeconds: 300,
  schema: z.object({ organisationId: z.string().uuid(), importId: z.string().uuid() }),
});
