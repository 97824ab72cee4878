import { getOrgContext } from "@/app/_server/context";
import { DocumentNotFoundError } from "@/db/queries/documents";
import { loadDocumentPdfModel, renderDocumentPdfModel } from "@/lib/pdf/render-document-pdf";
import { pdfResponse } from "@/lib/pdf/pdf-response";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A document's PDF for the signed-in merchant; another organisation's id is a plain 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await getOrgContext();
  if (!ctx) return new Response("Sign in first", { status: 401 });
  const { id } = await params;
  if (!UUID.test(id)) return new Response("Not found", { status: 404 });
  try {
    const model = await loadDocumentPdfModel(ctx.db, ctx.tenant, id);
    return pdfResponse(await renderDocumentPdfModel(model), model.fileStem);
  } catch (err) {
    if (err instanceof DocumentNotFoundError) return new Response("Not found", { status: 404 });
    throw err;
  }
}
