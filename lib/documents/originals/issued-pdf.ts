import type { Db } from "@/db/client";
import { getOriginal } from "@/db/queries/document-originals";
import type { Tenant } from "@/db/tenant";
import { loadDocumentPdfModel, renderDocumentPdfModel } from "@/lib/pdf/render-document-pdf";
import type { DocumentPdfModel } from "@/lib/pdf/document-pdf-model";
import { ISSUED_PDF_KEY, storeOriginal, type StoredOriginal } from "./store-original";

/** A document that has no original because it was never issued (a concept, a cancelled one). */
export class DocumentNotIssuedError extends Error {
  constructor(documentId: string) {
    super(`Document ${documentId} is not issued: it has no original`);
    this.name = "DocumentNotIssuedError";
  }
}

/** The stored PDF of an issued document, or null when it has none yet (nothing is rendered). */
export async function findIssuedPdf(
  db: Db,
  t: Tenant,
  documentId: string,
): Promise<StoredOriginal | null> {
  return getOriginal(db, t, documentId, ISSUED_PDF_KEY);
}

/** The name a stored PDF is served under (its number), kept with it when it is stored. */
export function originalFileStem(original: StoredOriginal): string {
  const stem = original.details.fileStem;
  return typeof stem === "string" && stem ? stem : "document";
}

/**
 * Stores the PDF rendered from `model` as the document's original, unless one is
 * stored already; returns the one kept. For callers that already hold the model
 * (the on-demand route, which rendered it under its own limits).
 */
export async function storeIssuedPdf(
  db: Db,
  t: Tenant,
  documentId: string,
  model: DocumentPdfModel,
  pdf: Buffer,
): Promise<StoredOriginal> {
  return storeOriginal(db, t, {
    documentId,
    kind: "pdf",
    key: ISSUED_PDF_KEY,
    contentType: "application/pdf",
    bytes: pdf,
    details: { fileStem: model.fileStem, type: model.type },
  });
}

/**
 * The PDF of an issued document as it was issued: the stored original, or, the first
 * time (right after issue, in a job), rendered in the PDF pool and stored. Never
 * rendered again once stored. Throws DocumentNotIssuedError for a concept,
 * DocumentNotFoundError for another organisation's id, and the pool's errors (the
 * caller's job retries).
 */
export async function issuedPdf(
  db: Db,
  t: Tenant,
  documentId: string,
  options: { appUrl?: string } = {},
): Promise<StoredOriginal> {
  const stored = await findIssuedPdf(db, t, documentId);
  if (stored) return stored;
  const model = await loadDocumentPdfModel(db, t, documentId, options);
  if (model.isDraft) throw new DocumentNotIssuedError(documentId);
  return storeIssuedPdf(db, t, documentId, model, await renderDocumentPdfModel(model));
}
