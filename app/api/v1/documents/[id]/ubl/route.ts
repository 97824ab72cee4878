import { z } from "zod";
import { apiError, withApiKey } from "@/app/_server/with-api-key";
import { DocumentNotFoundError } from "@/db/queries/documents";
import { UblError } from "@/lib/peppol";
import { issuedUbl, ublText } from "@/lib/documents/originals/issued-ubl";
import { ublResponse } from "@/lib/peppol/ubl-response";

export const dynamic = "force-dynamic";

/** GET /api/v1/documents/{id}/ubl: Peppol BIS Billing 3.0 XML of an issued invoice or credit note. */
export const GET = withApiKey<{ id: string }>(async (_request, { db, tenant }, { id }) => {
  if (!z.string().uuid().safeParse(id).success)
    return apiError(404, "not_found", "No such document.");
  try {
    const { xml, fileStem } = ublText(await issuedUbl(db, tenant, id));
    return ublResponse(xml, fileStem);
  } catch (err) {
    if (err instanceof DocumentNotFoundError)
      return apiError(404, "not_found", "No such document.");
    if (err instanceof UblError) return apiError(409, err.code, err.message);
    throw err;
  }
});
