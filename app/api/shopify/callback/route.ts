import { cookies } from "next/headers";
import { getRequestLogger } from "@/app/_server/request-logger";
import { requireActiveApp } from "@/app/_server/require-active-app";
import { getConfig } from "@/lib/config/env";
import { getQueue } from "@/app/_server/queue";
import {
  completeInstall,
  type CompleteInstallResult,
} from "@/lib/shopify/connection/complete-install";
import { shopifyPageWith } from "@/lib/shopify/connection/install-errors";
import { secureSetCookie } from "@/lib/security/cookies";

export const dynamic = "force-dynamic";

// Set when the flow restarted itself once, so an expired state cannot loop.
const RESTARTED_COOKIE = "facturo_shopify_restarted";

/** GET /api/shopify/callback: Shopify sends the merchant back here after the consent screen. */
export async function GET(request: Request) {
  const { db, tenant } = await requireActiveApp("shopify");
  const jar = await cookies();
  const log = await getRequestLogger();
  let result: CompleteInstallResult;
  try {
    result = await completeInstall(
      { db, config: getConfig(), queue: await getQueue(), log },
      tenant,
      request,
      { alreadyRestarted: jar.has(RESTARTED_COOKIE) },
    );
  } catch (error) {
    // Never a bare error page in the middle of an install: say so and offer Install again.
    log.error({ err: error }, "Shopify install callback failed");
    result = {
      kind: "failed",
      error: "unexpected",
      location: shopifyPageWith({ error: "unexpected" }),
    };
  }
  const headers = new Headers({ location: result.location });
  if (result.kind === "connected") {
    for (const cookie of result.setCookies)
      headers.append("set-cookie", secureSetCookie(cookie, getConfig().APP_URL));
  }
  headers.append(
    "set-cookie",
    secureSetCookie(
      result.kind === "restart"
        ? `${RESTARTED_COOKIE}=1; Path=/api/shopify; Max-Age=300; HttpOnly; SameSite=Lax`
        : `${RESTARTED_COOKIE}=; Path=/api/shopify; Max-Age=0; HttpOnly; SameSite=Lax`,
      getConfig().APP_URL,
    ),
  );
  return new Response(null, { status: 302, headers });
}
