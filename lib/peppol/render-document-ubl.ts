import type { Db } from "@/db";
import { DocumentNotFoundError, getDocument } from "@/db/queries/documents";
import { getOrganisation } from "@/db/queries/organisations";
import { sellerOf } from "@/lib/company/seller-snapshot";
import type { Tenant } from "@/db/tenant";
import { loadDocumentPdfModel, renderDocumentPdfModel } from "@/lib/pdf/render-document-pdf";
import { buildUbl } from "./build-ubl";
import { toUblInput } from "./ubl-input";

/**
 * The Peppol UBL of a finalised invoice or credit note, with its PDF embedded so
 * the receiver sees the document the customer got. Throws UblError (with the
 * rule) for documents that are not invoices or cannot be valid, and
 * DocumentNotFoundError for another organisation's id.
 */
export async function renderDocumentUbl(
  db: Db,
  t: Tenant,
  documentId: string,
): Promise<{ xml: string; fileStem: string }> {
  const found = await getDocument(db, t, documentId);
  if (!found) throw new DocumentNotFoundError(documentId);
  const { document, lines } = found;
  const credited = document.creditedDocumentId
    ? ((await getDocument(db, t, document.creditedDocumentId))?.document ?? null)
    : null;
  const [organisation, pdfModel] = await Promise.all([
    getOrganisation(db, t.organisationId),
    loadDocumentPdfModel(db, t, documentId),
  ]);
  const pdf = await renderDocumentPdfModel(pdfModel);
  const input = toUblInput(document, lines, sellerOf(organisation, document.seller), {
    credited,
    pdf: { filename: `${pdfModel.fileStem}.pdf`, base64: pdf.toString("base64") },
  });
  return { xml: buildUbl(input), fileStem: pdfModel.fileStem };
}
