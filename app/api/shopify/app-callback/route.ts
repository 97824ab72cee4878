import { cookies } from "next/headers";
import { signIn } from "@/auth";
import { getDb } from "@/db";
import { getViewer } from "@/app/_server/context";
import { getQueue } from "@/app/_server/queue";
import { getRequestLogger } from "@/app/_server/request-logger";
import { entryRedirect, maskedAddress, visitorLanguage } from "@/app/_server/shopify-entry";
import { systemClock } from "@/lib/calendar/clock";
import { getConfig } from "@/lib/config/env";
import { entryProblemPage } from "@/lib/shopify/connection/install-errors";
import {
  claimPath,
  completeInstallFromShopify,
  type ShopifyEntryOutcome,
} from "@/lib/shopify/connection/install-from-shopify";

export const dynamic = "force-dynamic";

/**
 * GET /api/shopify/app-callback: Shopify sends the merchant back here after approving an
 * install that started in Shopify (the App URL). A visitor who is not signed in is sent a
 * sign-in link at the shop owner's address, which claims the install.
 */
export async function GET(request: Request) {
  const log = await getRequestLogger();
  const restartedBefore = (await cookies()).has(RESTARTED_COOKIE);
  let outcome: ShopifyEntryOutcome;
  try {
    outcome = await completeInstallFromShopify(
      { db: await getDb(), config: getConfig(), queue: await getQueue(), log },
      await getViewer(),
      request,
      { defaultLanguage: await visitorLanguage(), alreadyRestarted: restartedBefore },
      systemClock,
    );
    if (outcome.kind === "pending") {
      await signIn("email", {
        email: outcome.email,
        redirectTo: claimPath(outcome.pendingId),
        redirect: false,
      });
      const check = new URLSearchParams({ shop: outcome.shop, to: maskedAddress(outcome.email) });
      outcome = {
        kind: "redirect",
        location: `/shopify/check-email?${check.toString()}`,
        setCookies: outcome.setCookies,
      };
    }
  } catch (error) {
    // Never a bare error page in the middle of an install: say so and how to go on.
    log.error({ err: error }, "Shopify install from Shopify failed");
    outcome = { kind: "redirect", location: entryProblemPage("unexpected"), setCookies: [] };
  }
  // Set when the flow restarted itself once, so an expired state cannot loop.
  const restartCookie = outcome.restarted
    ? `${RESTARTED_COOKIE}=1; Path=/api/shopify; Max-Age=300; HttpOnly; SameSite=Lax`
    : `${RESTARTED_COOKIE}=; Path=/api/shopify; Max-Age=0; HttpOnly; SameSite=Lax`;
  return entryRedirect(outcome, [restartCookie]);
}

const RESTARTED_COOKIE = "facturo_shopify_app_restarted";
