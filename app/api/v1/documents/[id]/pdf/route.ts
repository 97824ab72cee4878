import { z } from "zod";
import { apiError, withApiKey } from "@/app/_server/with-api-key";
import { DocumentNotFoundError } from "@/db/queries/documents";
import { renderPdfOnDemand } from "@/lib/pdf/render-on-demand";

export const dynamic = "force-dynamic";

/** GET /api/v1/documents/{id}/pdf */
export const GET = withApiKey<{ id: string }>(async (_request, { db, tenant }, { id }) => {
  if (!z.string().uuid().safeParse(id).success)
    return apiError(404, "not_found", "No such document.");
  let rendered;
  try {
    rendered = await renderPdfOnDemand(db, tenant, id);
  } catch (err) {
    if (err instanceof DocumentNotFoundError)
      return apiError(404, "not_found", "No such document.");
    throw err;
  }
  if (!rendered.ok) {
    const response = apiError(429, "rate_limited", "Too many PDFs at once; try again later.");
    response.headers.set("retry-after", String(rendered.retryAfterSeconds));
    return response;
  }
  const name = (rendered.fileStem || "concept").replace(/[^\w.-]/g, "_");
  return new Response(new Uint8Array(rendered.pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${name}.pdf"`,
    },
  });
});
