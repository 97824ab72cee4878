import type { Db } from "@/db";
import { getShopifyConnection, markDisconnected } from "@/db/queries/shopify-connections";
import type { Tenant } from "@/db/tenant";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import { disconnectShopifyJob } from "@/lib/shopify/jobs/disconnect.job";

/**
 * Disconnect (the button, or deactivating the Shopify app): stop at once in
 * Facturo; a job removes the webhook subscriptions and then forgets the token.
 * Returns whether a connected shop was disconnected.
 */
export async function disconnectShop(db: Db, t: Tenant, queue: Queue): Promise<boolean> {
  const connection = await getShopifyConnection(db, t);
  if (connection?.status !== "connected") return false;
  const changed = await markDisconnected(db, t, connection.id, "merchant", {
    keepTokenForCleanup: true,
  });
  if (changed) {
    await enqueue(queue, disconnectShopifyJob, {
      organisationId: t.organisationId,
      connectionId: connection.id,
    });
  }
  return changed;
}
