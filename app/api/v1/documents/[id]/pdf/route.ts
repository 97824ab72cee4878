import { z } from "zod";
import { apiError, withApiKey } from "@/app/_server/with-api-key";
import { getDocument } from "@/db/queries/documents";
import { renderDocumentPdf } from "@/lib/pdf/render-document-pdf";

export const dynamic = "force-dynamic";

/** GET /api/v1/documents/{id}/pdf */
export const GET = withApiKey<{ id: string }>(async (_request, { db, tenant }, { id }) => {
  if (!z.string().uuid().safeParse(id).success)
    return apiError(404, "not_found", "No such document.");
  const found = await getDocument(db, tenant, id);
  if (!found) return apiError(404, "not_found", "No such document.");
  const pdf = await renderDocumentPdf(db, tenant, id);
  const name = (found.document.number ?? "concept").replace(/[^\w.-]/g, "_");
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${name}.pdf"`,
    },
  });
});
