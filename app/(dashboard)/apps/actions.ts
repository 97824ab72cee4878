"use server";

import { revalidatePath } from "next/cache";
import { requireOrg } from "@/app/_server/context";
import { activateApp, deactivateApp } from "@/db/queries/apps";
import { isAppKey } from "@/lib/apps/catalog";
import { getQueue } from "@/app/_server/queue";
import { disconnectShop } from "@/lib/shopify/connection/disconnect-shop";

export async function setAppActive(appKey: string, active: boolean): Promise<{ ok: boolean }> {
  if (!isAppKey(appKey)) return { ok: false };
  const { db, tenant } = await requireOrg();
  // A deactivated Shopify app must not keep receiving orders: it disconnects the shop.
  if (appKey === "shopify" && !active) await disconnectShop(db, tenant, await getQueue());
  await (active ? activateApp : deactivateApp)(db, tenant, appKey);
  revalidatePath("/apps", "layout");
  return { ok: true };
}
