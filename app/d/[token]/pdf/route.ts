import { getDb } from "@/db";
import { findDocumentByPublicToken } from "@/lib/pdf/find-document-by-public-token";
import { renderPdfOnDemand } from "@/lib/pdf/render-on-demand";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { tooManyRequests } from "@/lib/security/rate-limit";
import { admitPublicDocumentRequest } from "@/lib/security/public-document-limits";

export const dynamic = "force-dynamic";

/**
 * The customer's link: no session, the unguessable token is the credential. Only
 * finalised documents are served; anything else is the same 404 as a wrong token.
 * Limited per token and per address, and renders per organisation (429 beyond).
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const admitted = await admitPublicDocumentRequest(db, token, request.headers);
  if (!admitted.allowed) return tooManyRequests(admitted);
  const found = await findDocumentByPublicToken(db, token);
  if (!found) return notFound();
  const rendered = await renderPdfOnDemand(db, found.tenant, found.documentId);
  if (!rendered.ok) return tooManyRequests({ allowed: false, ...rendered });
  const response = pdfResponse(rendered.pdf, rendered.fileStem);
  response.headers.set("x-robots-tag", "noindex, nofollow");
  return response;
}

function notFound() {
  return new Response("Not found", {
    status: 404,
    headers: { "x-robots-tag": "noindex, nofollow", "cache-control": "no-store" },
  });
}
