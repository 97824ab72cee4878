import type { Db } from "@/db/client";
import { getOriginal } from "@/db/queries/document-originals";
import type { Tenant } from "@/db/tenant";
import { renderDocumentUbl } from "@/lib/peppol/render-document-ubl";
import { UblError } from "@/lib/peppol/ubl-error";
import { DocumentNotIssuedError, issuedPdf, originalFileStem } from "./issued-pdf";
import { ISSUED_UBL_KEY, storeOriginal, type StoredOriginal } from "./store-original";

/** A stored UBL as text, with the stem of its file name (the number). */
export function ublText(original: StoredOriginal): { xml: string; fileStem: string } {
  return { xml: original.bytes.toString("utf8"), fileStem: originalFileStem(original) };
}

/** The stored UBL of an issued invoice or credit note, or null when none is stored yet. */
export async function findIssuedUbl(
  db: Db,
  t: Tenant,
  documentId: string,
): Promise<StoredOriginal | null> {
  return getOriginal(db, t, documentId, ISSUED_UBL_KEY);
}

/**
 * The Peppol UBL of an issued invoice or credit note as issued: the stored original,
 * or, the first time, built around the stored original PDF (rendered and stored first
 * when needed) and stored. Never rebuilt once stored, so the UBL served, downloaded and
 * transmitted is one file. Throws UblError when the document cannot be a valid UBL
 * (nothing is stored then; `not_issued` for a concept), DocumentNotFoundError for
 * another organisation's id.
 */
export async function issuedUbl(
  db: Db,
  t: Tenant,
  documentId: string,
  options: { appUrl?: string } = {},
): Promise<StoredOriginal> {
  const stored = await findIssuedUbl(db, t, documentId);
  if (stored) return stored;
  const pdf = await issuedPdf(db, t, documentId, options).catch((error: unknown) => {
    if (error instanceof DocumentNotIssuedError)
      throw new UblError("not_issued", "only a finalised document has a UBL", "BR-02");
    throw error;
  });
  const { xml, fileStem } = await renderDocumentUbl(db, t, documentId, {
    pdf: { bytes: pdf.bytes, fileStem: originalFileStem(pdf) },
  });
  return storeOriginal(db, t, {
    documentId,
    kind: "ubl",
    key: ISSUED_UBL_KEY,
    contentType: "application/xml",
    bytes: xml,
    details: { fileStem, pdfSha256: pdf.sha256 },
  });
}
