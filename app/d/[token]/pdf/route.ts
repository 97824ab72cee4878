import { getDb } from "@/db";
import { findDocumentByPublicToken } from "@/lib/pdf/find-document-by-public-token";
import { loadDocumentPdfModel, renderDocumentPdfModel } from "@/lib/pdf/render-document-pdf";
import { pdfResponse } from "@/lib/pdf/pdf-response";

export const dynamic = "force-dynamic";

/**
 * The customer's link: no session, the unguessable token is the credential. Only
 * finalised documents are served; anything else is the same 404 as a wrong token.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const found = await findDocumentByPublicToken(db, token);
  if (!found) return notFound();
  const model = await loadDocumentPdfModel(db, found.tenant, found.documentId);
  const response = pdfResponse(await renderDocumentPdfModel(model), model.fileStem);
  response.headers.set("x-robots-tag", "noindex, nofollow");
  response.headers.set("referrer-policy", "no-referrer");
  return response;
}

function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: { "x-robots-tag": "noindex, nofollow", "cache-control": "no-store" },
  });
}
