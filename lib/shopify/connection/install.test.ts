import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import { startShopifySimulator, type RunningSimulator } from "@facturo/shopify-simulator";
import type { DbHandle } from "@/db";
import {
  getShopifyConnection,
  markDisconnected,
  saveInstalledShop,
} from "@/db/queries/shopify-connections";
import { shopifyConnections } from "@/db/schema";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { testJobContext } from "@/lib/jobs/testing/test-worker";
import { tenant, type Tenant } from "@/db/tenant";
import type { JobContext } from "@/lib/jobs/job-handler";
import { startQueue, type Queue } from "@/lib/jobs/queue";
import { openTokenPair, sealTokenPair } from "../platform/access-token";
import { adminGraphqlFor } from "../platform/admin-graphql/admin-client";
import { SHOP_QUERY } from "../platform/admin-graphql/queries";
import { getShopifyApp } from "../platform/shopify-app";
import { getAdminSession } from "../platform/admin-session";
import { processShopifyDeliveryHandler } from "@/lib/shopify/jobs/process-delivery.handler";
import { receiveWebhook } from "../intake/receive-webhook";
import { BROWSER_USER_AGENT, TEST_SHOPIFY_ENV } from "../testing/shopify-test-env";
import {
  approveOnSimulator,
  callbackRequest,
  startWebhookReceiver,
} from "../testing/simulated-merchant";
import { beginInstall } from "./begin-install";
import { completeInstall } from "./complete-install";
import { disconnectShopifyHandler } from "@/lib/shopify/jobs/disconnect.handler";
import { finishShopifyInstallHandler } from "@/lib/shopify/jobs/finish-install.handler";

let handle: DbHandle;
let simulator: RunningSimulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let ctx: JobContext;
let boss: Queue;
let queued: { organisationId: string; deliveryId: string }[] = [];

async function newMerchant(): Promise<Tenant> {
  return tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
}

function installRequest(shop: string): Request {
  return new Request(`http://localhost:3000/api/shopify/install?shop=${shop}`, {
    headers: { "user-agent": BROWSER_USER_AGENT },
  });
}

/** Install → simulator login and consent → callback, as the merchant's browser does it. */
async function install(t: Tenant, typedShop: string, decision: "install" | "cancel" = "install") {
  const begun = await beginInstall(ctx, t, installRequest(typedShop), typedShop);
  if (!begun.ok) return { begun };
  const callbackUrl = await approveOnSimulator(begun.location, decision);
  const completed = await completeInstall(
    { ...ctx, queue: boss },
    t,
    callbackRequest(callbackUrl, begun.setCookies),
    { alreadyRestarted: false },
  );
  return { begun, callbackUrl, completed };
}

const shopState = (shop: string) => simulator.state.shops.get(shop);

beforeAll(async () => {
  handle = await openTestDb();
  simulator = await startShopifySimulator({
    port: 0,
    clientId: TEST_SHOPIFY_ENV.SHOPIFY_CLIENT_ID,
    clientSecret: TEST_SHOPIFY_ENV.SHOPIFY_CLIENT_SECRET,
    retryDelaysMs: [50, 100, 200],
  });
  receiver = await startWebhookReceiver(async (request) =>
    receiveWebhook(
      { db: handle.db, config: ctx.config, enqueueDelivery: async (d) => queued.push(d) },
      request,
    ),
  );
  ctx = {
    ...testJobContext(handle, {
      ...TEST_SHOPIFY_ENV,
      APP_URL: new URL(receiver.url).origin,
      SHOPIFY_API_ORIGIN: simulator.origin,
    }),
    log: pino({ level: "silent" }),
  };
  boss = await startQueue(handle);
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await receiver?.close();
  await simulator?.close();
  await handle?.close();
});

describe("installing the app on a shop", () => {
  it("connects, stores a sealed expiring token pair and subscribes each topic once", async () => {
    const t = await newMerchant();
    const shop = `atelier-${uniqueSuffix()}.myshopify.com`;
    const { begun, callbackUrl, completed } = await install(t, `https://${shop}/admin`);
    expect(begun.ok && begun.location).toContain(
      `${simulator.origin}/shops/${shop}/admin/oauth/authorize?`,
    );
    const query = new URL(callbackUrl ?? "").searchParams;
    expect([...query.keys()].sort()).toEqual([
      "code",
      "hmac",
      "host",
      "shop",
      "state",
      "timestamp",
    ]);
    expect(completed).toMatchObject({ kind: "connected", location: "/apps/shopify?connected=1" });

    const connection = await getShopifyConnection(handle.db, t);
    expect(connection).toMatchObject({ shop, status: "connected", scopes: "read_orders" });
    expect(connection?.sealedTokens).not.toContain("shpat_");
    const pair = openTokenPair(connection?.sealedTokens ?? "", ctx.config.ENCRYPTION_KEY);
    expect(pair.accessToken).toMatch(/^shpat_/);
    expect(pair.refreshToken).toMatch(/^shprt_/);
    expect(new Date(pair.accessTokenExpiresAt ?? 0).getTime()).toBeGreaterThan(
      Date.now() + 50 * 60_000,
    );

    await finishShopifyInstallHandler.run(
      { organisationId: t.organisationId, connectionId: connection?.id ?? "" },
      ctx,
    );
    const ready = await getShopifyConnection(handle.db, t);
    expect(ready?.webhooksReadyAt).toBeInstanceOf(Date);
    expect(ready?.shopName).toBeTruthy();
    const topics = shopState(shop)
      ?.subscriptions.map((s) => `${s.topic} ${s.uri}`)
      .sort();
    expect(topics).toEqual(
      [
        "APP_UNINSTALLED",
        "ORDERS_CANCELLED",
        "ORDERS_CREATE",
        "ORDERS_FULFILLED",
        "ORDERS_PAID",
        "REFUNDS_CREATE",
      ].map((topic) => `${topic} ${receiver.url}`),
    );
  });

  it("re-installs and re-registers without duplicating anything", async () => {
    const t = await newMerchant();
    const shop = `again-${uniqueSuffix()}.myshopify.com`;
    for (let round = 0; round < 2; round++) {
      const { completed } = await install(t, shop.replace(".myshopify.com", ""));
      expect(completed?.kind).toBe("connected");
      const connection = await getShopifyConnection(handle.db, t);
      await finishShopifyInstallHandler.run(
        { organisationId: t.organisationId, connectionId: connection?.id ?? "" },
        ctx,
      );
      await finishShopifyInstallHandler.run(
        { organisationId: t.organisationId, connectionId: connection?.id ?? "" },
        ctx,
      );
    }
    expect(shopState(shop)?.subscriptions).toHaveLength(6);
    expect(shopState(shop)?.tokenExchangeCount).toBe(2);
  });

  it("refuses a shop that another organisation has connected, before leaving Facturo", async () => {
    const owner = await newMerchant();
    const shop = `owned-${uniqueSuffix()}.myshopify.com`;
    expect((await install(owner, shop)).completed?.kind).toBe("connected");
    const intruder = await newMerchant();
    const { begun } = await install(intruder, shop);
    expect(begun).toMatchObject({ ok: false, error: "shop_taken" });
    // And at the database, should two installs race past that check.
    const raced = await saveInstalledShop(handle.db, intruder, {
      shop,
      scopes: "read_orders",
      sealedTokens: "v1.x.y.z",
      accessTokenExpiresAt: null,
    });
    expect(raced).toEqual({ ok: false, reason: "shop_taken" });
  });

  it("never sends the browser to a host that is not a shop", async () => {
    const t = await newMerchant();
    for (const typed of [
      "https://evil.test/x.myshopify.com",
      "javascript:alert(1)",
      "shop.example.be",
    ]) {
      const begun = await beginInstall(ctx, t, installRequest(typed), typed);
      expect(begun.ok).toBe(false);
      expect(begun.location.startsWith("/apps/shopify?error=")).toBe(true);
    }
  });

  it("explains a refusal on the consent screen", async () => {
    const t = await newMerchant();
    const { completed } = await install(t, `no-${uniqueSuffix()}`, "cancel");
    expect(completed).toMatchObject({ kind: "failed", error: "declined" });
    expect(await getShopifyConnection(handle.db, t)).toBeNull();
  });

  it("restarts once when the state cookie expired, then explains", async () => {
    const t = await newMerchant();
    const shop = `slow-${uniqueSuffix()}.myshopify.com`;
    const begun = await beginInstall(ctx, t, installRequest(shop), shop);
    if (!begun.ok) throw new Error("install did not start");
    const callbackUrl = await approveOnSimulator(begun.location);
    const withoutCookie = callbackRequest(callbackUrl, []);
    const deps = { ...ctx, queue: boss };
    expect(await completeInstall(deps, t, withoutCookie, { alreadyRestarted: false })).toEqual({
      kind: "restart",
      location: `/api/shopify/install?shop=${shop}`,
    });
    expect(
      await completeInstall(deps, t, callbackRequest(callbackUrl, []), { alreadyRestarted: true }),
    ).toMatchObject({
      kind: "failed",
      error: "state_expired",
    });
  });

  it("refuses a callback whose signature does not match", async () => {
    const t = await newMerchant();
    const shop = `forged-${uniqueSuffix()}.myshopify.com`;
    const begun = await beginInstall(ctx, t, installRequest(shop), shop);
    if (!begun.ok) throw new Error("install did not start");
    const callbackUrl = new URL(await approveOnSimulator(begun.location));
    callbackUrl.searchParams.set("code", "attacker-code");
    const result = await completeInstall(
      { ...ctx, queue: boss },
      t,
      callbackRequest(callbackUrl.href, begun.setCookies),
      {
        alreadyRestarted: false,
      },
    );
    expect(result).toMatchObject({ kind: "failed", error: "invalid_callback" });
  });

  it("says Shopify is unreachable when the token exchange cannot connect", async () => {
    const t = await newMerchant();
    const shop = `offline-${uniqueSuffix()}.myshopify.com`;
    const begun = await beginInstall(ctx, t, installRequest(shop), shop);
    if (!begun.ok) throw new Error("install did not start");
    const callbackUrl = await approveOnSimulator(begun.location);
    const unreachable = {
      ...ctx,
      queue: boss,
      config: { ...ctx.config, SHOPIFY_API_ORIGIN: "http://localhost:9" },
    };
    const result = await completeInstall(
      unreachable,
      t,
      callbackRequest(callbackUrl, begun.setCookies),
      {
        alreadyRestarted: false,
      },
    );
    expect(result).toMatchObject({ kind: "failed", error: "shopify_unreachable" });
  });
});

describe("after the install", () => {
  it("refreshes an expiring token once, however many callers need it at the same time", async () => {
    const t = await newMerchant();
    const shop = `refresh-${uniqueSuffix()}.myshopify.com`;
    await install(t, shop);
    const connection = await getShopifyConnection(handle.db, t);
    const before = openTokenPair(connection?.sealedTokens ?? "", ctx.config.ENCRYPTION_KEY);
    // The stored token is about to expire (not a moved clock: the new token must look fresh).
    const expiring = {
      ...before,
      accessTokenExpiresAt: new Date(Date.now() + 60_000).toISOString(),
    };
    await handle.db
      .update(shopifyConnections)
      .set({ sealedTokens: sealTokenPair(expiring, ctx.config.ENCRYPTION_KEY) })
      .where(eq(shopifyConnections.id, connection?.id ?? ""));
    const sessions = await Promise.all(
      Array.from({ length: 5 }, () => getAdminSession(ctx, t, connection?.id ?? "")),
    );
    expect(shopState(shop)?.refreshCount).toBe(1);
    expect(new Set(sessions.map((s) => s.accessToken)).size).toBe(1);
    expect(sessions[0]?.accessToken).not.toBe(before.accessToken);
    const after = openTokenPair(
      (await getShopifyConnection(handle.db, t))?.sealedTokens ?? "",
      ctx.config.ENCRYPTION_KEY,
    );
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).toBe(sessions[0]?.accessToken);
  });

  it("marks the shop disconnected when Shopify refuses the refresh token", async () => {
    const t = await newMerchant();
    const shop = `dead-${uniqueSuffix()}.myshopify.com`;
    await install(t, shop);
    const connection = await getShopifyConnection(handle.db, t);
    const later = { ...ctx, now: () => new Date(Date.now() + 58 * 60_000) };
    const fresh = await getAdminSession(later, t, connection?.id ?? "");
    // Using the new access token ends the old refresh token's grace period.
    await adminGraphqlFor(getShopifyApp(ctx.config), fresh)(SHOP_QUERY);
    // Put the spent pair back, as a stale copy would be.
    await handle.db.execute(
      `update shopify_connection set sealed_tokens = '${connection?.sealedTokens}' where id = '${connection?.id}'`,
    );
    await expect(getAdminSession(later, t, connection?.id ?? "")).rejects.toThrow(
      /install the app again/,
    );
    expect(await getShopifyConnection(handle.db, t)).toMatchObject({
      status: "disconnected",
      disconnectReason: "reauthorize",
      sealedTokens: null,
    });
  });

  it("uninstall in Shopify: the webhook disconnects the shop and the token is gone", async () => {
    const t = await newMerchant();
    const shop = `bye-${uniqueSuffix()}.myshopify.com`;
    await install(t, shop);
    const connection = await getShopifyConnection(handle.db, t);
    await finishShopifyInstallHandler.run(
      { organisationId: t.organisationId, connectionId: connection?.id ?? "" },
      ctx,
    );
    queued = [];
    const response = await fetch(`${simulator.origin}/control/shops/${shop}/uninstall`, {
      method: "POST",
    });
    expect(response.ok).toBe(true);
    await expect.poll(() => queued.length, { timeout: 10_000 }).toBeGreaterThan(0);
    for (const job of queued) await processShopifyDeliveryHandler.run(job, ctx);
    expect(await getShopifyConnection(handle.db, t)).toMatchObject({
      status: "disconnected",
      disconnectReason: "uninstalled",
      sealedTokens: null,
    });
  });

  it("disconnect from Facturo: subscriptions removed, then the token forgotten", async () => {
    const t = await newMerchant();
    const shop = `leave-${uniqueSuffix()}.myshopify.com`;
    await install(t, shop);
    const connection = await getShopifyConnection(handle.db, t);
    const ids = { organisationId: t.organisationId, connectionId: connection?.id ?? "" };
    await finishShopifyInstallHandler.run(ids, ctx);
    expect(shopState(shop)?.subscriptions).toHaveLength(6);
    await markDisconnected(handle.db, t, ids.connectionId, "merchant", {
      keepTokenForCleanup: true,
    });
    await disconnectShopifyHandler.run(ids, ctx);
    expect(shopState(shop)?.subscriptions).toHaveLength(0);
    expect(await getShopifyConnection(handle.db, t)).toMatchObject({
      status: "disconnected",
      sealedTokens: null,
    });
  });
});
