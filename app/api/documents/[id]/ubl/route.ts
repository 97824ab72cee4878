import { getOrgContext } from "@/app/_server/context";
import { DocumentNotFoundError } from "@/db/queries/documents";
import { issuedUbl, ublText } from "@/lib/documents/originals/issued-ubl";
import { UblError } from "@/lib/peppol";
import { ublResponse } from "@/lib/peppol/ubl-response";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The Peppol UBL of a finalised invoice or credit note, for the signed-in merchant. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await getOrgContext();
  if (!ctx) return new Response("Sign in first", { status: 401 });
  const { id } = await params;
  if (!UUID.test(id)) return new Response("Not found", { status: 404 });
  try {
    const { xml, fileStem } = ublText(await issuedUbl(ctx.db, ctx.tenant, id));
    return ublResponse(xml, fileStem);
  } catch (err) {
    if (err instanceof DocumentNotFoundError) return new Response("Not found", { status: 404 });
    if (err instanceof UblError) return new Response(err.message, { status: 409 });
    throw err;
  }
}
