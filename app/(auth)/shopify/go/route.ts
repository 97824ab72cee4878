import { getDb } from "@/db";
import { getViewer } from "@/app/_server/context";
import { entryRedirect } from "@/app/_server/shopify-entry";
import {
  OPEN_SHOP_PATH,
  openConnectedShop,
  signInThen,
} from "@/lib/shopify/connection/install-from-shopify";

export const dynamic = "force-dynamic";

/** GET /shopify/go?shop=…: after signing in, the shop's page (members of its organisation only). */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const viewer = await getViewer();
  if (!viewer) {
    return entryRedirect({
      kind: "redirect",
      location: signInThen(`${OPEN_SHOP_PATH}${url.search}`),
      setCookies: [],
    });
  }
  const outcome = await openConnectedShop(
    await getDb(),
    viewer,
    url.searchParams.get("shop") ?? "",
  );
  if (outcome.kind !== "redirect")
    throw new Error("Opening a shop never leaves an install pending");
  return entryRedirect(outcome);
}
