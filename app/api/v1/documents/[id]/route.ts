import { z } from "zod";
import { apiError, withApiKey } from "@/app/_server/with-api-key";
import { getDocument } from "@/db/queries/documents";
import { documentJson } from "@/lib/documents/document-json";

export const dynamic = "force-dynamic";

/** GET /api/v1/documents/{id}: one document with lines and VAT breakdown. */
export const GET = withApiKey<{ id: string }>(async (_request, { db, tenant }, { id }) => {
  if (!z.string().uuid().safeParse(id).success)
    return apiError(404, "not_found", "No such document.");
  const found = await getDocument(db, tenant, id);
  if (!found) return apiError(404, "not_found", "No such document.");
  return Response.json(documentJson(found.document, found.lines));
});
