import { and, eq, gt, lte } from "drizzle-orm";
import type { Db } from "../client";
import { shopifyPendingInstalls } from "../schema";

export type ShopifyPendingInstall = typeof shopifyPendingInstalls.$inferSelect;

// Not tenant data yet: a pending install belongs to no organisation until it is claimed
// (lib/shopify/connection/claim-pending-install.ts decides who may claim it).

export async function savePendingInstall(
  db: Db,
  pending: Omit<ShopifyPendingInstall, "id" | "createdAt">,
): Promise<ShopifyPendingInstall> {
  const [row] = await db.insert(shopifyPendingInstalls).values(pending).returning();
  if (!row) throw new Error("Pending install was not saved");
  return row;
}

/** The pending install, unless it expired. */
export async function getPendingInstall(
  db: Db,
  id: string,
  now: Date,
): Promise<ShopifyPendingInstall | null> {
  const [row] = await db
    .select()
    .from(shopifyPendingInstalls)
    .where(and(eq(shopifyPendingInstalls.id, id), gt(shopifyPendingInstalls.expiresAt, now)));
  return row ?? null;
}

/** Takes the pending install out: true for the one caller that removed it. */
export async function takePendingInstall(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .delete(shopifyPendingInstalls)
    .where(eq(shopifyPendingInstalls.id, id))
    .returning({ id: shopifyPendingInstalls.id });
  return rows.length > 0;
}

/** Forgets expired pending installs (and their sealed tokens). */
export async function deleteExpiredPendingInstalls(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(shopifyPendingInstalls)
    .where(lte(shopifyPendingInstalls.expiresAt, now))
    .returning({ id: shopifyPendingInstalls.id });
  return rows.length;
}
