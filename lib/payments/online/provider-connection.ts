import type { Db } from "@/db/client";
import type { Tenant } from "@/db/tenant";
import { mollieKeyMode, type MollieMode } from "../mollie/mollie-api-key";
import type { OnlinePaymentProviderKey } from "./online-payment-provider";
import { readProviderApiKey } from "./provider-api-key";

export interface ProviderConnection {
  /** The key's last four characters: enough to recognise it, never enough to use it. */
  last: string;
  mode: MollieMode | null;
}

/** What the Configure page shows about the stored key; null when there is none. */
export async function providerConnection(
  db: Db,
  t: Tenant,
  provider: OnlinePaymentProviderKey,
  encryptionKey: string,
): Promise<ProviderConnection | null> {
  const apiKey = await readProviderApiKey(db, t, provider, encryptionKey);
  if (!apiKey) return null;
  return { last: apiKey.slice(-4), mode: provider === "mollie" ? mollieKeyMode(apiKey) : null };
}
