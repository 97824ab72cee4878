import { tenant } from "@/db/tenant";
import { DocumentNotFoundError } from "@/db/queries/documents";
import { DocumentNotIssuedError, issuedPdf } from "@/lib/documents/originals/issued-pdf";
import { issuedUbl } from "@/lib/documents/originals/issued-ubl";
import { PermanentJobError } from "@/lib/jobs/permanent-job-error";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { UblError } from "@/lib/peppol/ubl-error";
import { storeOriginalsJob } from "./store-originals.job";

/** The work of `storeOriginalsJob` (see its definition, ./store-originals.job.ts). */
export const storeOriginalsHandler = defineJobHandler(
  storeOriginalsJob,
  async ({ organisationId, documentId }, ctx) => {
    const t = tenant(organisationId);
    const options = { appUrl: ctx.config.APP_URL };
    try {
      const pdf = await issuedPdf(ctx.db, t, documentId, options);
      if (pdf.details.type === "invoice" || pdf.details.type === "credit_note") {
        // A document the Peppol rules refuse has no UBL (the merchant sees why where it matters).
        await issuedUbl(ctx.db, t, documentId, options).catch((error: unknown) => {
          if (!(error instanceof UblError)) throw error;
          ctx.log.info({ documentId, reason: error.message }, "no UBL original");
        });
      }
    } catch (error) {
      if (error instanceof DocumentNotFoundError || error instanceof DocumentNotIssuedError)
        throw new PermanentJobError(error.message, "not_issued");
      throw error;
    }
  },
);
