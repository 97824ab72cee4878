import { renderToBuffer } from "@react-pdf/renderer";
import { DocumentPdf } from "../document-pdf";
import type { DocumentPdfModel } from "../document-pdf-model";
import { registerPdfFonts } from "../register-fonts";

/** What a render thread runs (pdf-render-worker.mjs loads this one module, with its imports). */
export async function renderInThread(model: DocumentPdfModel): Promise<Buffer> {
  registerPdfFonts();
  // Called as a function: it is hook-free, and renderToBuffer wants the <Document> element itself.
  return renderToBuffer(DocumentPdf({ model }));
}
