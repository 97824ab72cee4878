"use server";

import { revalidatePath } from "next/cache";
import { requireOrg } from "@/app/_server/context";
import { activateApp, deactivateApp } from "@/db/queries/apps";
import { isAppKey } from "@/lib/apps/catalog";

export async function setAppActive(appKey: string, active: boolean): Promise<{ ok: boolean }> {
  if (!isAppKey(appKey)) return { ok: false };
  const { db, tenant } = await requireOrg();
  await (active ? activateApp : deactivateApp)(db, tenant, appKey);
  revalidatePath("/apps", "layout");
  return { ok: true };
}
