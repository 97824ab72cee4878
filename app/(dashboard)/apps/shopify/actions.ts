"use server";

import { revalidatePath } from "next/cache";
import { requireActiveApp } from "@/app/_server/require-active-app";
import { getShopifyConnection, markDisconnected } from "@/db/queries/shopify-connections";
import { enqueue } from "@/lib/jobs/queue";
import { getQueue } from "@/lib/jobs/runtime";
import { disconnectShopifyJob } from "@/lib/shopify/connection/disconnect-job";

/** Disconnect: stop at once in Facturo; a job removes the subscriptions and forgets the token. */
export async function disconnectShopify(): Promise<{ ok: boolean }> {
  const { db, tenant } = await requireActiveApp("shopify");
  const connection = await getShopifyConnection(db, tenant);
  if (connection?.status !== "connected") return { ok: false };
  const changed = await markDisconnected(db, tenant, connection.id, "merchant", {
    keepTokenForCleanup: true,
  });
  if (changed) {
    await enqueue(await getQueue(), disconnectShopifyJob, {
      organisationId: tenant.organisationId,
      connectionId: connection.id,
    });
  }
  revalidatePath("/apps/shopify");
  return { ok: changed };
}
