import { requireActiveApp } from "@/app/_server/require-active-app";
import { getConfig } from "@/lib/config/env";
import { beginInstall } from "@/lib/shopify/connection/begin-install";
import { secureSetCookie } from "@/lib/security/cookies";

export const dynamic = "force-dynamic";

/** GET /api/shopify/install?shop=…: the Install button's target; off to Shopify's consent screen. */
export async function GET(request: Request) {
  const { db, tenant } = await requireActiveApp("shopify");
  const typed = new URL(request.url).searchParams.get("shop") ?? "";
  const result = await beginInstall({ db, config: getConfig() }, tenant, request, typed);
  const headers = new Headers({ location: result.location });
  if (result.ok)
    for (const cookie of result.setCookies)
      headers.append("set-cookie", secureSetCookie(cookie, getConfig().APP_URL));
  return new Response(null, { status: 302, headers });
}
