import type { Db } from "@/db/client";
import type { Tenant } from "@/db/tenant";
import { admitPdfRender } from "@/lib/security/public-document-limits";
import type { DocumentPdfModel } from "./document-pdf-model";
import { loadDocumentPdfModel, renderDocumentPdfModel } from "./render-document-pdf";
import { PdfRenderBusyError } from "./render-pool/render-pool";

export type OnDemandPdf =
  { ok: true; pdf: Buffer; model: DocumentPdfModel } | { ok: false; retryAfterSeconds: number };

/**
 * A PDF rendered because someone asked for it (the merchant, the API, a customer's
 * link): at most LIMITS.pdfRendersPerOrganisation a minute per organisation, and
 * refused with a retry delay when every render thread is busy, so one organisation's
 * links cannot keep the renderers from everyone else. Throws DocumentNotFoundError.
 */
export async function renderPdfOnDemand(
  db: Db,
  t: Tenant,
  documentId: string,
  now: Date = new Date(),
): Promise<OnDemandPdf> {
  const model = await loadDocumentPdfModel(db, t, documentId);
  const admitted = await admitPdfRender(db, t.organisationId, now);
  if (!admitted.allowed) return { ok: false, retryAfterSeconds: admitted.retryAfterSeconds };
  try {
    return { ok: true, pdf: await renderDocumentPdfModel(model), model };
  } catch (error) {
    if (error instanceof PdfRenderBusyError) return { ok: false, retryAfterSeconds: 5 };
    throw error;
  }
}
