import { getOrgContext } from "@/app/_server/context";
import { DocumentNotFoundError } from "@/db/queries/documents";
import { renderPdfOnDemand } from "@/lib/pdf/render-on-demand";
import { pdfResponse } from "@/lib/pdf/pdf-response";
import { tooManyRequests } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A document's PDF for the signed-in merchant; another organisation's id is a plain 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await getOrgContext();
  if (!ctx) return new Response("Sign in first", { status: 401 });
  const { id } = await params;
  if (!UUID.test(id)) return new Response("Not found", { status: 404 });
  try {
    const rendered = await renderPdfOnDemand(ctx.db, ctx.tenant, id);
    if (!rendered.ok) return tooManyRequests({ allowed: false, ...rendered });
    return pdfResponse(rendered.pdf, rendered.fileStem);
  } catch (err) {
    if (err instanceof DocumentNotFoundError) return new Response("Not found", { status: 404 });
    throw err;
  }
}
