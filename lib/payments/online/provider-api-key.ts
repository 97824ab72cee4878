import "server-only";
import { z } from "zod";
import { getAppSealedSecrets, isAppActive, saveAppSecrets } from "@/db/queries/apps";
import type { Db } from "@/db/client";
import type { Tenant } from "@/db/tenant";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import type { OnlinePaymentProviderKey } from "./online-payment-provider";

/** A provider app's secrets, sealed as one JSON object in app_activation.sealed_secrets. */
const secretsSchema = z.object({ apiKey: z.string().min(1) });

/** Seals and stores the merchant's API key for a provider (its app must be activated). */
export async function saveProviderApiKey(
  db: Db,
  t: Tenant,
  provider: OnlinePaymentProviderKey,
  apiKey: string,
  encryptionKey: string,
): Promise<void> {
  const sealed = encryptSecret(JSON.stringify({ apiKey }), encryptionKey);
  await saveAppSecrets(db, t, provider, sealed);
}

/**
 * The merchant's API key, whether or not the app is active now: a payment the
 * customer started before the merchant switched the app off must still be recorded.
 */
export async function readProviderApiKey(
  db: Db,
  t: Tenant,
  provider: OnlinePaymentProviderKey,
  encryptionKey: string,
): Promise<string | null> {
  const sealed = await getAppSealedSecrets(db, t, provider);
  if (!sealed) return null;
  return secretsSchema.parse(JSON.parse(decryptSecret(sealed, encryptionKey))).apiKey;
}

/** The key new payments are made with: only while the merchant's app is active. */
export async function activeProviderApiKey(
  db: Db,
  t: Tenant,
  provider: OnlinePaymentProviderKey,
  encryptionKey: string,
): Promise<string | null> {
  if (!(await isAppActive(db, t, provider))) return null;
  return readProviderApiKey(db, t, provider, encryptionKey);
}
