import { getDb } from "@/db";
import { getViewer } from "@/app/_server/context";
import { entryRedirect } from "@/app/_server/shopify-entry";
import { getConfig } from "@/lib/config/env";
import { openFromShopify } from "@/lib/shopify/connection/install-from-shopify";

export const dynamic = "force-dynamic";

/**
 * GET /shopify: the App URL. Shopify sends the merchant here from the App Store's
 * Install and from the Shopify admin, with a signed `shop, hmac, host, timestamp`.
 */
export async function GET(request: Request) {
  const outcome = await openFromShopify(
    { db: await getDb(), config: getConfig() },
    await getViewer(),
    request,
  );
  if (outcome.kind !== "redirect") throw new Error("The App URL never leaves an install pending");
  return entryRedirect(outcome);
}
