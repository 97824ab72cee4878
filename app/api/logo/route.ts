import { getOrgContext } from "@/app/_server/context";
import { getLogo } from "@/db/queries/organisations";

export const dynamic = "force-dynamic";

/** The signed-in merchant's own logo; there is no parameter that could name another organisation. */
export async function GET() {
  const ctx = await getOrgContext();
  if (!ctx) return new Response("Sign in first", { status: 401 });
  const logo = await getLogo(ctx.db, ctx.organisationId);
  if (!logo) return new Response("No logo", { status: 404 });
  return new Response(new Uint8Array(logo.data), {
    headers: {
      "content-type": logo.contentType,
      "cache-control": "private, no-cache",
      "x-content-type-options": "nosniff",
    },
  });
}
