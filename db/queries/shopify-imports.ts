import { desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { shopifyConnections, shopifyImports } from "../schema";
import type { Tenant } from "../tenant";

export type ShopifyImport = typeof shopifyImports.$inferSelect;

export async function startImportRun(
  db: Db,
  t: Tenant,
  run: { connectionId: string; kind: "import" | "reconcile"; since: Date },
): Promise<string> {
  const [row] = await db
    .insert(shopifyImports)
    .values(t.owned(run))
    .returning({ id: shopifyImports.id });
  if (!row) throw new Error("Import run not stored");
  return row.id;
}

export async function getImportRun(db: Db, t: Tenant, id: string): Promise<ShopifyImport | null> {
  const [row] = await db
    .select()
    .from(shopifyImports)
    .where(t.where(shopifyImports, eq(shopifyImports.id, id)));
  return row ?? null;
}

export async function latestImportRun(
  db: Db,
  t: Tenant,
  kind: "import" | "reconcile",
): Promise<ShopifyImport | null> {
  const [row] = await db
    .select()
    .from(shopifyImports)
    .where(t.where(shopifyImports, eq(shopifyImports.kind, kind)))
    .orderBy(desc(shopifyImports.startedAt))
    .limit(1);
  return row ?? null;
}

export interface ImportCounts {
  seen: number;
  created: number;
  existing: number;
  skipped: number;
  failed: number;
}

export async function updateImportRun(
  db: Db,
  t: Tenant,
  id: string,
  update: Partial<ImportCounts> & { status?: ShopifyImport["status"]; error?: string | null },
): Promise<void> {
  await db
    .update(shopifyImports)
    .set({
      ...update,
      ...(update.status && update.status !== "running" ? { finishedAt: sql`now()` } : {}),
    })
    .where(t.where(shopifyImports, eq(shopifyImports.id, id)));
}

/**
 * Every connected shop, across organisations: the hourly reconciliation visits
 * each. Not tenant-scoped on purpose; it returns only ids to start scoped jobs.
 */
export async function listConnectedShopsForReconciliation(db: Db) {
  return db
    .select({
      organisationId: shopifyConnections.organisationId,
      connectionId: shopifyConnections.id,
    })
    .from(shopifyConnections)
    .where(eq(shopifyConnections.status, "connected"));
}
