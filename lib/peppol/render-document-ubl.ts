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
 * the receiver sees the document the customer got (`pdf`: the stored original;
 * without it the PDF is rendered). Throws UblError (with the rule) for documents
 * that are not invoices or cannot be valid, and DocumentNotFoundError for another
 * organisation's id. An issued document's UBL is served from its stored original
 * (lib/documents/originals/issued-ubl.ts), not from here.
 */
export async function renderDocumentUbl(
  db: Db,
  t: Tenant,
  documentId: string,
  options: { pdf?: { bytes: Buffer; fileStem: string } } = {},
): Promise<{ xml: string; fileStem: string }> {
  const found = await getDocument(db, t, documentId);
  if (!found) throw new DocumentNotFoundError(documentId);
  const { document, lines } = found;
  const credited = document.creditedDocumentId
    ? ((await getDocument(db, t, document.creditedDocumentId))?.document ?? null)
    : null;
  const organisation = await getOrganisation(db, t.organisationId);
  let pdf = options.pdf;
  if (!pdf) {
    const pdfModel = await loadDocumentPdfModel(db, t, documentId);
    pdf = { bytes: await renderDocumentPdfModel(pdfModel), fileStem: pdfModel.fileStem };
  }
  const input = toUblInput(document, lines, sellerOf(organisation, document.seller), {
    credited,
    pdf: { filename: `${pdf.fileStem}.pdf`, base64: pdf.bytes.toString("base64") },
  });
  return { xml: buildUbl(input), fileStem: pdf.fileStem };
}
