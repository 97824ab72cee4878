"use server";

import { revalidatePath } from "next/cache";
import { requireActiveApp } from "@/app/_server/require-active-app";
import { getQueue } from "@/app/_server/queue";
import { disconnectShop } from "@/lib/shopify/connection/disconnect-shop";

export async function disconnectShopify(): Promise<{ ok: boolean }> {
  const { db, tenant } = await requireActiveApp("shopify");
  const ok = await disconnectShop(db, tenant, await getQueue());
  revalidatePath("/apps/shopify");
  return { ok };
}
