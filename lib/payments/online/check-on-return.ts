import type { Db } from "@/db/client";
import { claimStatusCheck, latestOnlinePayment } from "@/db/queries/online-payments";
import type { Tenant } from "@/db/tenant";
import type { OnlinePaymentProviderKey } from "./online-payment-provider";

/**
 * The customer is back from the provider's page. Coming back proves nothing, but it
 * is a good moment to ask the provider (through the same job as a webhook): a
 * webhook that cannot reach this server, such as real Mollie calling a laptop,
 * then does not leave the invoice unpaid. The page reloads itself every few seconds,
 * so the provider is asked at most every 30 seconds.
 */
export async function checkOnReturn(
  db: Db,
  t: Tenant,
  documentId: string,
  provider: OnlinePaymentProviderKey,
  enqueueSync: (provider: OnlinePaymentProviderKey, providerPaymentId: string) => Promise<unknown>,
): Promise<boolean> {
  const latest = await latestOnlinePayment(db, t, documentId, provider);
  if (!latest || (latest.status !== "open" && latest.status !== "pending")) return false;
  if (!(await claimStatusCheck(db, t, latest.id, 30))) return false;
  await enqueueSync(provider, latest.providerPaymentId);
  return true;
}
