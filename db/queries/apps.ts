import { eq, sql } from "drizzle-orm";
import type { AppKey } from "@/lib/apps/catalog";
import type { Db } from "../client";
import { appActivations } from "../schema";
import type { Tenant } from "../tenant";

export type AppActivation = typeof appActivations.$inferSelect;

export async function listAppActivations(db: Db, t: Tenant): Promise<AppActivation[]> {
  return db.select().from(appActivations).where(t.where(appActivations));
}

export async function isAppActive(db: Db, t: Tenant, appKey: AppKey): Promise<boolean> {
  const [row] = await db
    .select({ active: appActivations.active })
    .from(appActivations)
    .where(t.where(appActivations, eq(appActivations.appKey, appKey)));
  return row?.active ?? false;
}

/** Idempotent: activating an active app changes nothing; re-activating keeps its settings. */
export async function activateApp(db: Db, t: Tenant, appKey: AppKey): Promise<void> {
  await db
    .insert(appActivations)
    .values(t.owned({ appKey, active: true }))
    .onConflictDoUpdate({
      target: [appActivations.organisationId, appActivations.appKey],
      set: {
        active: true,
        deactivatedAt: null,
        activatedAt: sql`case when ${appActivations.active} then ${appActivations.activatedAt} else now() end`,
      },
    });
}

export async function deactivateApp(db: Db, t: Tenant, appKey: AppKey): Promise<void> {
  await db
    .update(appActivations)
    .set({ active: false, deactivatedAt: new Date() })
    .where(
      t.where(appActivations, eq(appActivations.appKey, appKey), eq(appActivations.active, true)),
    );
}

/** Secrets are sealed by the caller (lib/crypto) before they reach this module. */
export async function saveAppSecrets(
  db: Db,
  t: Tenant,
  appKey: AppKey,
  sealedSecrets: string | null,
): Promise<void> {
  await db
    .update(appActivations)
    .set({ sealedSecrets })
    .where(t.where(appActivations, eq(appActivations.appKey, appKey)));
}

export async function getAppSealedSecrets(db: Db, t: Tenant, appKey: AppKey) {
  const [row] = await db
    .select({ sealedSecrets: appActivations.sealedSecrets })
    .from(appActivations)
    .where(t.where(appActivations, eq(appActivations.appKey, appKey)));
  return row?.sealedSecrets ?? null;
}
