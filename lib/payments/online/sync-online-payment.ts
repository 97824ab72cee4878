import type { Db } from "@/db/client";
import { findOnlinePaymentOwner } from "@/db/queries/online-payments";
import type { OnlinePaymentStatus } from "@/db/schema";
import type { Logger } from "@/lib/log/logger";
import { brusselsDay } from "@/lib/calendar/brussels-date";
import type { Clock } from "@/lib/calendar/clock";
import { recordPayment } from "../record-payment";
import { applyOnlinePaymentReport } from "./apply-online-payment-report";
import type { OnlinePaymentProviderKey } from "./online-payment-provider";
import { readProviderApiKey } from "./provider-api-key";
import type { OnlinePaymentProviders } from "./providers";

export interface SyncDeps {
  db: Db;
  config: { ENCRYPTION_KEY: string };
  providers: OnlinePaymentProviders;
  log: Logger;
  /** "Now", passed in by the entry (the job handler passes the system clock). */
  clock: Clock;
}

export type SyncOutcome =
  | { kind: "unknown" }
  | { kind: "no_api_key" }
  | { kind: "unknown_at_provider" }
  | { kind: "updated"; status: OnlinePaymentStatus; recorded: boolean };

/**
 * What a webhook or callback triggers: the notification is never trusted, the
 * payment is fetched from the provider with the merchant's key. When it is paid,
 * the money goes into the ledger under `<provider>:<id>`, so however often and in
 * whatever order the notifications come, it is recorded once; the row's status
 * only moves forward (./online-payment-status.ts laterStatus).
 */
export async function syncOnlinePayment(
  deps: SyncDeps,
  provider: OnlinePaymentProviderKey,
  providerPaymentId: string,
): Promise<SyncOutcome> {
  const { db, log, clock } = deps;
  const owner = await findOnlinePaymentOwner(db, provider, providerPaymentId);
  // An id Facturo never made (a probe, another app on the same account): nothing changes.
  if (!owner) return { kind: "unknown" };
  const { tenant: t, payment } = owner;
  const apiKey = await readProviderApiKey(db, t, provider, deps.config.ENCRYPTION_KEY);
  if (!apiKey) {
    log.warn(
      { provider, providerPaymentId },
      "Online payment reported, but no API key to check it",
    );
    return { kind: "no_api_key" };
  }
  const remote = await deps.providers[provider].fetchPayment(apiKey, providerPaymentId);
  if (!remote) return { kind: "unknown_at_provider" };

  let recorded = false;
  if (remote.status === "paid") {
    const paidAt = remote.paidAt ?? clock.now();
    const result = await recordPayment(
      db,
      t,
      {
        invoiceId: payment.documentId,
        amountCents: remote.amountCents,
        method: provider,
        paidOn: brusselsDay(paidAt),
        reference: providerPaymentId,
        sourceKey: `${provider}:${providerPaymentId}`,
      },
      clock,
    );
    recorded = result.recorded;
    if (result.overpaidCents > 0)
      log.warn({ provider, providerPaymentId, ...result }, "Online payment on a paid invoice");
  }
  const row = await applyOnlinePaymentReport(
    db,
    t,
    {
      onlinePaymentId: payment.id,
      report: {
        status: remote.status,
        paidAt: remote.paidAt,
        paidMethod: remote.paidMethod,
        expiresAt: remote.expiresAt,
      },
    },
    clock,
  );
  return { kind: "updated", status: row?.status ?? remote.status, recorded };
}
