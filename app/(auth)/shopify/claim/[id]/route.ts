import { getDb } from "@/db";
import { getViewer } from "@/app/_server/context";
import { getQueue } from "@/app/_server/queue";
import { entryRedirect, visitorLanguage } from "@/app/_server/shopify-entry";
import { systemClock } from "@/lib/calendar/clock";
import { getConfig } from "@/lib/config/env";
import {
  claimPath,
  claimPendingInstall,
  signInThen,
} from "@/lib/shopify/connection/install-from-shopify";

export const dynamic = "force-dynamic";

/**
 * GET /shopify/claim/{id}: where the sign-in link of an install started in Shopify
 * leads. The signed-in user claims the pending install if the shop is theirs.
 */
export async function GET(_request: Request, { params }: RouteContext<"/shopify/claim/[id]">) {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) {
    return entryRedirect({ kind: "redirect", location: signInThen(claimPath(id)), setCookies: [] });
  }
  const outcome = await claimPendingInstall(
    { db: await getDb(), config: getConfig(), queue: await getQueue() },
    viewer,
    id,
    { defaultLanguage: await visitorLanguage() },
    systemClock,
  );
  if (outcome.kind !== "redirect") throw new Error("A claim never leaves an install pending");
  return entryRedirect(outcome);
}
