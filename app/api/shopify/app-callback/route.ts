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
  let outcome: ShopifyEntryOutcome;
  try {
    outcome = await completeInstallFromShopify(
      { db: await getDb(), config: getConfig(), queue: await getQueue(), log },
      await getViewer(),
      request,
      { defaultLanguage: await visitorLanguage() },
      systemClock,
    );
  } catch (error) {
    log.error({ err: error }, "Shopify install from Shopify failed");
    return entryRedirect({
      kind: "redirect",
      location: entryProblemPage("unexpected"),
      setCookies: [],
    });
  }
  if (outcome.kind === "redirect") return entryRedirect(outcome);

  await signIn("email", {
    email: outcome.email,
    redirectTo: claimPath(outcome.pendingId),
    redirect: false,
  });
  const check = new URLSearchParams({ shop: outcome.shop, to: maskedAddress(outcome.email) });
  return entryRedirect({
    kind: "redirect",
    location: `/shopify/check-email?${check.toString()}`,
    setCookies: outcome.setCookies,
  });
}
