import type { Db } from "@/db";
import { saveInstalledShop } from "@/db/queries/shopify-connections";
import type { Tenant } from "@/db/tenant";
import type { AppConfig } from "@/lib/config/env";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import type { Logger } from "@/lib/log/logger";
import { sealTokenPair, tokenPairFromSession } from "../platform/access-token";
import { normaliseShopDomain } from "../platform/shop-domain";
import { finishShopifyInstallJob } from "@/lib/shopify/jobs/finish-install.job";
import { exchangeCallback } from "./exchange-callback";
import { shopifyPageWith, type InstallError } from "./install-errors";

export interface CompleteInstallDeps {
  db: Db;
  config: AppConfig;
  queue: Queue;
  log: Logger;
}

export type CompleteInstallResult =
  | { kind: "connected"; location: string; setCookies: string[]; connectionId: string }
  | { kind: "restart"; location: string }
  | { kind: "failed"; error: InstallError; location: string };

/**
 * Shopify sent the merchant back. The library checks the signature, timestamp and
 * state cookie and exchanges the code for an expiring offline token pair, which is
 * stored sealed; the rest of the setup is a job. When the 60-second state cookie
 * is gone (a slow login), the flow restarts once by itself: the merchant is still
 * signed in to Shopify, so they only see the consent screen again.
 */
export async function completeInstall(
  deps: CompleteInstallDeps,
  t: Tenant,
  request: Request,
  options: { alreadyRestarted: boolean },
): Promise<CompleteInstallResult> {
  const query = new URL(request.url).searchParams;
  // The shop goes back into the form, so "Click Install to try again" is one click.
  const typed = normaliseShopDomain(query.get("shop") ?? "");
  const fail = (error: InstallError): CompleteInstallResult => ({
    kind: "failed",
    error,
    location: shopifyPageWith(typed.ok ? { error, shop: typed.shop } : { error }),
  });
  const exchanged = await exchangeCallback(deps, request);
  if (!exchanged.ok) {
    if (exchanged.error === "state_expired" && !options.alreadyRestarted && typed.ok) {
      return {
        kind: "restart",
        location: `/api/shopify/install?${new URLSearchParams({ shop: typed.shop }).toString()}`,
      };
    }
    return fail(exchanged.error);
  }
  const { session, setCookies } = exchanged;

  const pair = tokenPairFromSession(session);
  const saved = await saveInstalledShop(deps.db, t, {
    shop: session.shop,
    scopes: session.scope ?? "",
    sealedTokens: sealTokenPair(pair, deps.config.ENCRYPTION_KEY),
    accessTokenExpiresAt: pair.accessTokenExpiresAt ? new Date(pair.accessTokenExpiresAt) : null,
  });
  if (!saved.ok) return fail(saved.reason);
  await enqueue(deps.queue, finishShopifyInstallJob, {
    organisationId: t.organisationId,
    connectionId: saved.connection.id,
  });
  return {
    kind: "connected",
    location: shopifyPageWith({ connected: "1" }),
    setCookies,
    connectionId: saved.connection.id,
  };
}
