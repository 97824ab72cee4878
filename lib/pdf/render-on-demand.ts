import type { Db } from "@/db/client";
import type { Tenant } from "@/db/tenant";
import {
  findIssuedPdf,
  originalFileStem,
  storeIssuedPdf,
} from "@/lib/documents/originals/issued-pdf";
import { admitPdfRender } from "@/lib/security/public-document-limits";
import { loadDocumentPdfModel, renderDocumentPdfModel } from "./render-document-pdf";
import { PdfRenderBusyError } from "./render-pool/render-pool";

export type OnDemandPdf =
  | {
      ok: true;
      pdf: Buffer;
      /** The file name's stem: the number, or "concept". */
      fileStem: string;
      /** The stored original's SHA-256 (hex); null for a concept, which has none. */
      sha256: string | null;
    }
  | { ok: false; retryAfterSeconds: number };

/**
 * A PDF someone asked for (the merchant, the API, a customer's link). An issued
 * document's is its stored original, never rendered again (cheap, and always the
 * bytes issued). A concept's, or an issued document's whose original the job has not
 * stored yet (it is stored now), is rendered: at most LIMITS.pdfRendersPerOrganisation
 * a minute per organisation, and refused with a retry delay when every render thread is
 * busy, so one organisation's links cannot keep the renderers from everyone else.
 * Throws DocumentNotFoundError.
 */
export async function renderPdfOnDemand(
  db: Db,
  t: Tenant,
  documentId: string,
  now: Date = new Date(),
): Promise<OnDemandPdf> {
  const stored = await findIssuedPdf(db, t, documentId);
  if (stored) return served(stored);
  const model = await loadDocumentPdfModel(db, t, documentId);
  const admitted = await admitPdfRender(db, t.organisationId, now);
  if (!admitted.allowed) return { ok: false, retryAfterSeconds: admitted.retryAfterSeconds };
  let pdf: Buffer;
  try {
    pdf = await renderDocumentPdfModel(model);
  } catch (error) {
    if (error instanceof PdfRenderBusyError) return { ok: false, retryAfterSeconds: 5 };
    throw error;
  }
  if (model.isDraft) return { ok: true, pdf, fileStem: model.fileStem, sha256: null };
  return served(await storeIssuedPdf(db, t, documentId, model, pdf));
}

function served(original: Awaited<ReturnType<typeof storeIssuedPdf>>): OnDemandPdf {
  return {
    ok: true,
    pdf: original.bytes,
    fileStem: originalFileStem(original),
    sha256: original.sha256,
  };
}
