import { renderToBuffer } from "@react-pdf/renderer";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { DocumentNotFoundError, getDocument } from "@/db/queries/documents";
import { getLogo, getOrganisation } from "@/db/queries/organisations";
import { documents } from "@/db/schema";
import type { Tenant } from "@/db/tenant";
import { buildDocumentPdfModel } from "./build-document-pdf-model";
import type { DocumentPdfModel } from "./document-pdf-model";
import { DocumentPdf } from "./document-pdf";
import { registerPdfFonts } from "./register-fonts";

/** Renders a view model; exported for callers that already hold one. */
export async function renderDocumentPdfModel(model: DocumentPdfModel): Promise<Buffer> {
  registerPdfFonts();
  // Called as a function: it is hook-free, and renderToBuffer wants the <Document> element itself.
  return renderToBuffer(DocumentPdf({ model }));
}

/** Loads everything a document's PDF prints and builds its view model. */
export async function loadDocumentPdfModel(
  db: Db,
  t: Tenant,
  documentId: string,
): Promise<DocumentPdfModel> {
  const found = await getDocument(db, t, documentId);
  if (!found) throw new DocumentNotFoundError(documentId);
  const { document, lines } = found;
  const [organisation, logo, credited] = await Promise.all([
    getOrganisation(db, t.organisationId),
    getLogo(db, t.organisationId),
    document.creditedDocumentId
      ? db
          .select({ number: documents.number, issueDate: documents.issueDate })
          .from(documents)
          .where(t.where(documents, eq(documents.id, document.creditedDocumentId)))
          .then((rows) => rows[0] ?? null)
      : Promise.resolve(null),
  ]);
  return buildDocumentPdfModel({ organisation, logo, document, lines, creditedDocument: credited });
}

/** The PDF of one of the tenant's documents; throws DocumentNotFoundError when it is not theirs. */
export async function renderDocumentPdf(db: Db, t: Tenant, documentId: string): Promise<Buffer> {
  return renderDocumentPdfModel(await loadDocumentPdfModel(db, t, documentId));
}
