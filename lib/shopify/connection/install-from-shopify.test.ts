import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pino from "pino";
import {
  signedAppUrl,
  startShopifySimulator,
  type RunningSimulator,
} from "@facturo/shopify-simulator";
import type { DbHandle } from "@/db";
import { isAppActive } from "@/db/queries/apps";
import { getOrganisation, listUserOrganisations } from "@/db/queries/organisations";
import { getShopifyConnection, markDisconnected } from "@/db/queries/shopify-connections";
import { getPendingInstall } from "@/db/queries/shopify-pending-installs";
import { tenant } from "@/db/tenant";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { fixedClock, systemClock } from "@/lib/calendar/clock";
import { testJobContext } from "@/lib/jobs/testing/test-worker";
import type { JobContext } from "@/lib/jobs/job-handler";
import { startQueue, type Queue } from "@/lib/jobs/queue";
import { BROWSER_USER_AGENT, TEST_SHOPIFY_ENV } from "../testing/shopify-test-env";
import { approveOnSimulator, callbackRequest } from "../testing/simulated-merchant";
import {
  claimPendingInstall,
  completeInstallFromShopify,
  openConnectedShop,
  openFromShopify,
  type ShopifyEntryOutcome,
  type Viewer,
} from "./install-from-shopify";

let handle: DbHandle;
let simulator: RunningSimulator;
let ctx: JobContext;
let boss: Queue;

const APP_HOME = "http://localhost:3000/shopify";
const language = { defaultLanguage: "fr" as const, alreadyRestarted: false };

beforeAll(async () => {
  handle = await openTestDb();
  simulator = await startShopifySimulator({
    port: 0,
    clientId: TEST_SHOPIFY_ENV.SHOPIFY_CLIENT_ID,
    clientSecret: TEST_SHOPIFY_ENV.SHOPIFY_CLIENT_SECRET,
    applicationUrl: APP_HOME,
  });
  ctx = {
    ...testJobContext(handle, { ...TEST_SHOPIFY_ENV, SHOPIFY_API_ORIGIN: simulator.origin }),
    log: pino({ level: "silent" }),
  };
  boss = await startQueue(handle);
});

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await simulator?.close();
  await handle?.close();
});

const newShop = (name: string) => `${name}-${uniqueSuffix()}.myshopify.com`;
const ownerOf = (shop: string) => `owner@${shop.replace(".myshopify.com", "")}.example`;

/** What Shopify's browser request to the App URL looks like, signed by the simulator. */
function appUrlRequest(shop: string, change?: (url: URL) => void): Request {
  const url = new URL(signedAppUrl(simulator.simulator.config, simulator.simulator.shop(shop)));
  change?.(url);
  return new Request(url, { headers: { "user-agent": BROWSER_USER_AGENT } });
}

async function viewerOf(userId: string, email: string, active?: string): Promise<Viewer> {
  const organisations = await listUserOrganisations(handle.db, userId);
  return {
    userId,
    email,
    organisationIds: organisations.map((o) => o.id),
    activeOrganisationId: active ?? organisations[0]?.id ?? null,
  };
}

async function merchant(email = `m-${uniqueSuffix()}@example.be`) {
  const user = await createUser(handle.db, email);
  const organisation = await createOrg(handle.db, user.id);
  return { user, organisation, viewer: await viewerOf(user.id, email) };
}

const open = (viewer: Viewer | null, request: Request) =>
  openFromShopify({ db: handle.db, config: ctx.config }, viewer, request);

const deps = () => ({ db: handle.db, config: ctx.config, queue: boss, log: ctx.log });

function location(outcome: ShopifyEntryOutcome): string {
  if (outcome.kind !== "redirect") throw new Error(`Expected a redirect, got ${outcome.kind}`);
  return outcome.location;
}

/** App URL → consent on the simulator → back on the app callback, as the browser does. */
async function installFromShopify(viewer: Viewer | null, shop: string) {
  const opened = await open(viewer, appUrlRequest(shop));
  const consent = location(opened);
  expect(consent).toContain(`${simulator.origin}/shops/${shop}/admin/oauth/authorize?`);
  expect(new URL(consent).searchParams.get("redirect_uri")).toBe(
    "http://localhost:3000/api/shopify/app-callback",
  );
  const callbackUrl = await approveOnSimulator(consent);
  return completeInstallFromShopify(
    deps(),
    viewer,
    callbackRequest(callbackUrl, opened.setCookies),
    language,
    systemClock,
  );
}

async function connectedInstall(shop: string) {
  const owner = await merchant();
  const outcome = await installFromShopify(owner.viewer, shop);
  expect(location(outcome)).toBe("/apps/shopify?connected=1");
  return owner;
}

describe("the App URL", () => {
  it("starts nothing when the hmac is forged, missing or stale, or the shop was changed", async () => {
    const shop = newShop("forged");
    const cases: ((url: URL) => void)[] = [
      (url) => url.searchParams.set("hmac", "0".repeat(64)),
      (url) => url.searchParams.delete("hmac"),
      (url) => url.searchParams.set("shop", newShop("other")),
      (url) => url.searchParams.set("shop", `${shop.toUpperCase()}`),
      (url) => url.searchParams.append("shop", shop),
      (url) => url.searchParams.set("timestamp", String(Math.floor(Date.now() / 1000) - 600)),
      (url) => url.searchParams.set("shop", "evil.test"),
    ];
    for (const change of cases) {
      const outcome = await open(null, appUrlRequest(shop, change));
      expect(outcome).toEqual({
        kind: "redirect",
        location: "/shopify/problem?reason=forged",
        setCookies: [],
      });
    }
    // A stale request signed with the right secret is refused too (the timestamp is signed).
    const stale = new URL(
      signedAppUrl(
        { ...simulator.simulator.config, now: () => new Date(Date.now() - 10 * 60_000) },
        simulator.simulator.shop(shop),
      ),
    );
    expect(location(await open(null, new Request(stale)))).toBe("/shopify/problem?reason=forged");
    expect(simulator.state.shops.get(shop)?.installed).toBe(false);
  });

  it("goes to Shopify's consent screen at once for a shop not connected yet", async () => {
    const shop = newShop("fresh");
    const outcome = await open(null, appUrlRequest(shop));
    expect(location(outcome)).toContain(`/shops/${shop}/admin/oauth/authorize?`);
    expect(outcome.setCookies.join(";")).toContain("shopify_app_state=");
  });
});

describe("a slow approval (the 60-second state cookie expired)", () => {
  it("starts once more for a callback Shopify signed, never for a forged one, never twice", async () => {
    const shop = newShop("slow");
    const opened = await open(null, appUrlRequest(shop));
    const callbackUrl = await approveOnSimulator(location(opened));
    const withoutCookie = () => callbackRequest(callbackUrl, []);
    const restart = await completeInstallFromShopify(
      deps(),
      null,
      withoutCookie(),
      language,
      systemClock,
    );
    expect(restart).toMatchObject({ restarted: true });
    expect(location(restart)).toContain(`/shops/${shop}/admin/oauth/authorize?`);

    const twice = await completeInstallFromShopify(
      deps(),
      null,
      withoutCookie(),
      { ...language, alreadyRestarted: true },
      systemClock,
    );
    expect(location(twice)).toBe(`/shopify/problem?reason=state_expired&shop=${shop}`);

    const forged = new URL(callbackUrl);
    forged.searchParams.set("hmac", "0".repeat(64));
    const refused = await completeInstallFromShopify(
      deps(),
      null,
      callbackRequest(forged.href, []),
      language,
      systemClock,
    );
    expect(refused).not.toMatchObject({ restarted: true });
    expect(location(refused)).toMatch(/^\/shopify\/problem\?reason=/);
  });
});

describe("after approval", () => {
  it("a visitor who is not signed in: a pending install, claimed by the owner's address", async () => {
    const shop = newShop("new-visitor");
    const outcome = await installFromShopify(null, shop);
    expect(outcome).toMatchObject({ kind: "pending", email: ownerOf(shop), shop });
    if (outcome.kind !== "pending") throw new Error("not pending");
    // Nothing is connected until the address is proven.
    expect(await getPendingInstall(handle.db, outcome.pendingId, new Date())).toMatchObject({
      shop,
      shopEmail: ownerOf(shop),
    });

    // Someone else's account cannot claim it.
    const stranger = await merchant();
    const refused = await claimPendingInstall(
      deps(),
      stranger.viewer,
      outcome.pendingId,
      language,
      systemClock,
    );
    expect(location(refused)).toBe(`/shopify/problem?reason=not_yours&shop=${shop}`);
    expect(await getShopifyConnection(handle.db, tenant(stranger.organisation.id))).toBeNull();

    // The owner follows the link (Auth.js created their user on sign-in).
    const ownerUser = await createUser(handle.db, ownerOf(shop));
    const owner = await viewerOf(ownerUser.id, ownerOf(shop));
    expect(owner.activeOrganisationId).toBeNull();
    const claimed = await claimPendingInstall(
      deps(),
      owner,
      outcome.pendingId,
      language,
      systemClock,
    );
    expect(location(claimed)).toBe("/onboarding/shop");
    const [organisation] = await listUserOrganisations(handle.db, ownerUser.id);
    expect(claimed).toMatchObject({ selectOrganisation: organisation?.id });
    const t = tenant(organisation?.id ?? "");
    expect((await getOrganisation(handle.db, t.organisationId)).legalName).toBe(
      simulator.state.shops.get(shop)?.name,
    );
    expect(await getShopifyConnection(handle.db, t)).toMatchObject({ shop, status: "connected" });
    expect(await isAppActive(handle.db, t, "shopify")).toBe(true);

    // Claimed once.
    const again = await claimPendingInstall(
      deps(),
      await viewerOf(ownerUser.id, ownerOf(shop)),
      outcome.pendingId,
      language,
      systemClock,
    );
    expect(location(again)).toBe("/shopify/problem?reason=link_expired");
  });

  it("a pending install expires", async () => {
    const shop = newShop("late");
    const outcome = await installFromShopify(null, shop);
    if (outcome.kind !== "pending") throw new Error("not pending");
    const ownerUser = await createUser(handle.db, ownerOf(shop));
    const late = fixedClock(new Date(Date.now() + 25 * 60 * 60 * 1000));
    const claimed = await claimPendingInstall(
      deps(),
      await viewerOf(ownerUser.id, ownerOf(shop)),
      outcome.pendingId,
      language,
      late,
    );
    expect(location(claimed)).toBe("/shopify/problem?reason=link_expired");
  });

  it("a signed-in merchant without a shop gets it connected to their company", async () => {
    const shop = newShop("signed-in");
    const { organisation, viewer } = await merchant();
    const outcome = await installFromShopify(viewer, shop);
    expect(outcome).toMatchObject({
      location: "/apps/shopify?connected=1",
      selectOrganisation: organisation.id,
    });
    expect(await getShopifyConnection(handle.db, tenant(organisation.id))).toMatchObject({
      shop,
      status: "connected",
    });
  });

  it("a signed-in user without a company gets one named after the shop", async () => {
    const shop = newShop("no-company");
    const user = await createUser(handle.db);
    const outcome = await installFromShopify(await viewerOf(user.id, user.email ?? ""), shop);
    expect(location(outcome)).toBe("/onboarding/shop");
    const [organisation] = await listUserOrganisations(handle.db, user.id);
    expect(organisation?.legalName).toBe(simulator.state.shops.get(shop)?.name);
  });

  it("a company with another shop connected is told so before anything starts", async () => {
    const { viewer } = await connectedInstall(newShop("first"));
    const second = newShop("second");
    const outcome = await open(viewer, appUrlRequest(second));
    expect(location(outcome)).toBe(`/apps/shopify?error=other_shop_connected&shop=${second}`);
  });
});

describe("opening a shop that is already connected (organisation Z)", () => {
  it("never installs it again, and shows it only to Z's members", async () => {
    const shop = newShop("opened");
    const z = await connectedInstall(shop);
    const exchanges = simulator.state.shops.get(shop)?.tokenExchangeCount;

    // Not signed in: sign in first, then the shop's page.
    expect(location(await open(null, appUrlRequest(shop)))).toBe(
      `/login?next=${encodeURIComponent(`/shopify/go?shop=${shop}`)}`,
    );

    // A member of Z working in another of their companies: Z's page, Z selected.
    const other = await createOrg(handle.db, z.user.id);
    const member = await viewerOf(z.user.id, z.viewer.email, other.id);
    expect(await open(member, appUrlRequest(shop))).toMatchObject({
      location: "/apps/shopify",
      selectOrganisation: z.organisation.id,
    });
    expect(await openConnectedShop(handle.db, member, shop)).toMatchObject({
      location: "/apps/shopify",
      selectOrganisation: z.organisation.id,
    });

    // A signed-in user of organisation X (not a member of Z): nothing of Z, no install.
    const x = await merchant();
    for (const outcome of [
      await open(x.viewer, appUrlRequest(shop)),
      await openConnectedShop(handle.db, x.viewer, shop),
    ]) {
      expect(outcome).toEqual({
        kind: "redirect",
        location: `/shopify/problem?reason=not_yours&shop=${shop}`,
        setCookies: [],
      });
    }
    // The same answer for a shop connected nowhere: nothing is told about other companies.
    expect(location(await openConnectedShop(handle.db, x.viewer, newShop("nowhere")))).toMatch(
      /^\/shopify\/problem\?reason=not_yours&shop=/,
    );
    // A user with no company at all: the same.
    const loner = await createUser(handle.db);
    expect(
      location(await open(await viewerOf(loner.id, loner.email ?? ""), appUrlRequest(shop))),
    ).toBe(`/shopify/problem?reason=not_yours&shop=${shop}`);

    expect(simulator.state.shops.get(shop)?.tokenExchangeCount).toBe(exchanges);
    expect(await getShopifyConnection(handle.db, tenant(x.organisation.id))).toBeNull();
  });

  it("a claim cannot take a shop connected to another company, even by its owner's address", async () => {
    const shop = newShop("raced");
    const pending = await installFromShopify(null, shop);
    if (pending.kind !== "pending") throw new Error("not pending");
    await connectedInstall(shop);
    const ownerUser = await createUser(handle.db, ownerOf(shop));
    const claimed = await claimPendingInstall(
      deps(),
      await viewerOf(ownerUser.id, ownerOf(shop)),
      pending.pendingId,
      language,
      systemClock,
    );
    expect(location(claimed)).toBe(`/shopify/problem?reason=not_yours&shop=${shop}`);
    expect(await listUserOrganisations(handle.db, ownerUser.id)).toEqual([]);
  });
});

describe("re-install after an uninstall", () => {
  it("goes back to the company that had the shop, claimed by one of its members", async () => {
    const shop = newShop("again");
    const z = await connectedInstall(shop);
    const t = tenant(z.organisation.id);
    const connection = await getShopifyConnection(handle.db, t);
    await markDisconnected(handle.db, t, connection?.id ?? "", "uninstalled");

    const pending = await installFromShopify(null, shop);
    if (pending.kind !== "pending") throw new Error("not pending");
    const claimed = await claimPendingInstall(
      deps(),
      z.viewer,
      pending.pendingId,
      language,
      systemClock,
    );
    expect(claimed).toMatchObject({
      location: "/apps/shopify?connected=1",
      selectOrganisation: z.organisation.id,
    });
    expect(await getShopifyConnection(handle.db, t)).toMatchObject({
      id: connection?.id,
      status: "connected",
    });

    // Signed in, the reinstall reconnects the same company directly.
    await markDisconnected(handle.db, t, connection?.id ?? "", "uninstalled");
    expect(location(await installFromShopify(z.viewer, shop))).toBe("/apps/shopify?connected=1");
    expect(await getShopifyConnection(handle.db, t)).toMatchObject({ status: "connected" });
  });
});
