import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { appActivations } from "../schema";
import type { Tenant } from "../tenant";

/**
 * The Peppol app's settings, kept in its app_activation row (`settings` jsonb): no
 * column of their own. `senderId` is the merchant's id at the access point once
 * registered (a Storecove legal entity); `autoSend` is the merchant's switch.
 */
export interface PeppolSettings {
  autoSend: boolean;
  senderId: string | null;
  /** The participant id it was registered under, e.g. `0208:0403170701`. */
  registeredAs: string | null;
}

const defaults: PeppolSettings = { autoSend: false, senderId: null, registeredAs: null };

/** The settings of an active Peppol app, or null when the app is not active. */
export async function getPeppolSettings(db: Db, t: Tenant): Promise<PeppolSettings | null> {
  const [row] = await db
    .select({ active: appActivations.active, settings: appActivations.settings })
    .from(appActivations)
    .where(t.where(appActivations, eq(appActivations.appKey, "peppol")));
  if (!row?.active) return null;
  const s = row.settings;
  return {
    autoSend: s.autoSend === true,
    senderId: typeof s.senderId === "string" ? s.senderId : defaults.senderId,
    registeredAs: typeof s.registeredAs === "string" ? s.registeredAs : defaults.registeredAs,
  };
}

/** Merges into the app's settings (other keys are kept); the app must have been activated. */
export async function updatePeppolSettings(
  db: Db,
  t: Tenant,
  change: Partial<PeppolSettings>,
): Promise<void> {
  await db
    .update(appActivations)
    .set({ settings: sql`${appActivations.settings} || ${JSON.stringify(change)}::jsonb` })
    .where(t.where(appActivations, eq(appActivations.appKey, "peppol")));
}
