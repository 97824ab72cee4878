export { buildDocumentPdfModel } from "./build-document-pdf-model";
export type { DocumentPdfInput, DocumentPdfModel } from "./document-pdf-model";
export { findDocumentByPublicToken, type PublicDocumentRef } from "./find-document-by-public-token";
export { pdfLabels, type PdfLabels } from "./pdf-labels";
export {
  loadDocumentPdfModel,
  renderDocumentPdf,
  renderDocumentPdfModel,
} from "./render-document-pdf";
export { pdfFileName, pdfResponse } from "./pdf-response";
