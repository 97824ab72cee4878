import type { Db } from "@/db/client";
import { getAppSealedSecrets, isAppActive } from "@/db/queries/apps";
import type { Tenant } from "@/db/tenant";
import {
  onlinePaymentProviderKeys,
  type OnlinePaymentProviderKey,
} from "./online-payment-provider";

/** The providers an invoice can offer: the merchant's app is active and has a key. */
export async function availableProviders(db: Db, t: Tenant): Promise<OnlinePaymentProviderKey[]> {
  const checks = await Promise.all(
    onlinePaymentProviderKeys.map(
      async (key) =>
        (await isAppActive(db, t, key)) && (await getAppSealedSecrets(db, t, key)) !== null,
    ),
  );
  return onlinePaymentProviderKeys.filter((_, i) => checks[i]);
}
