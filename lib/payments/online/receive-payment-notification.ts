import type { Db } from "@/db/client";
import { findOnlinePaymentOwner } from "@/db/queries/online-payments";
import type { OnlinePaymentProviderKey } from "./online-payment-provider";

export interface NotificationDeps {
  db: Db;
  enqueueSync(provider: OnlinePaymentProviderKey, providerPaymentId: string): Promise<unknown>;
}

/**
 * A provider's notification, answered at once: the id is looked up, and only a
 * payment Facturo made is queued for checking (the job fetches it from the
 * provider). Unknown ids get the same 200, so probing teaches nothing.
 */
export async function receivePaymentNotification(
  deps: NotificationDeps,
  provider: OnlinePaymentProviderKey,
  providerPaymentId: string | null,
): Promise<{ status: number; queued: boolean }> {
  if (!providerPaymentId) return { status: 400, queued: false };
  const owner = await findOnlinePaymentOwner(deps.db, provider, providerPaymentId);
  if (!owner) return { status: 200, queued: false };
  await deps.enqueueSync(provider, providerPaymentId);
  return { status: 200, queued: true };
}

/** Mollie posts a form with a single field, `id=tr_…`. */
export function mollieWebhookId(body: string): string | null {
  const id = new URLSearchParams(body).get("id");
  return id && /^tr_\w{1,60}$/.test(id) ? id : null;
}

/** Bancontact posts the payment as JSON; only its id is used (the rest is re-fetched). */
export function bancontactCallbackId(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { paymentId?: unknown };
    const id = parsed.paymentId;
    return typeof id === "string" && /^\w{1,64}$/.test(id) ? id : null;
  } catch {
    return null;
  }
}
