import "server-only";
import { redirect } from "next/navigation";
import { isAppKey, type AppKey } from "@/lib/apps/catalog";
import { isAppActive } from "@/db/queries/apps";
import { requireOrg, type OrgContext } from "./context";

/** An app's configuration page is reachable only once the app is activated. */
export async function requireActiveApp(appKey: AppKey): Promise<OrgContext> {
  const ctx = await requireOrg();
  if (!isAppKey(appKey) || !(await isAppActive(ctx.db, ctx.tenant, appKey))) redirect("/apps");
  return ctx;
}
