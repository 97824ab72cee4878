import type { Db } from "@/db";
import { activateApp } from "@/db/queries/apps";
import { createOrganisationWithOwner } from "@/lib/company/create-organisation-with-owner";
import {
  findConnectionForShop,
  getShopifyConnection,
  saveInstalledShop,
  type InstalledShop,
  type SaveInstallResult,
} from "@/db/queries/shopify-connections";
import {
  deleteExpiredPendingInstalls,
  getPendingInstall,
  savePendingInstall,
  takePendingInstall,
} from "@/db/queries/shopify-pending-installs";
import type { DocumentLanguage } from "@/db/schema";
import { tenant } from "@/db/tenant";
import type { Clock } from "@/lib/calendar/clock";
import type { AppConfig } from "@/lib/config/env";
import { enqueue, type Queue } from "@/lib/jobs/queue";
import type { Logger } from "@/lib/log/logger";
import { finishShopifyInstallJob } from "@/lib/shopify/jobs/finish-install.job";
import { sealTokenPair, tokenPairFromSession } from "../platform/access-token";
import { APP_HOME_PATH, APP_INSTALL_CALLBACK_PATH } from "../platform/endpoints";
import { fetchShopIdentity, type ShopIdentity } from "../platform/shop-identity";
import { normaliseShopDomain } from "../platform/shop-domain";
import {
  browserAddress,
  getShopifyApp,
  isShopifyConfigured,
  isSignedByShopify,
  type Session,
} from "../platform/shopify-app";
import { exchangeCallback } from "./exchange-callback";
import {
  entryProblemPage,
  SHOPIFY_PAGE,
  shopifyPageWith,
  type EntryProblem,
} from "./install-errors";

/**
 * The install path that starts in Shopify (App Store, Shopify admin): Shopify opens the
 * App URL with a signed `shop, hmac, host, timestamp` query. Who the visitor is in
 * Facturo decides where the shop goes; it is never decided by the request, and a shop
 * connected to an organisation is only ever shown to that organisation's members.
 *
 * | visitor                        | shop connected to Z          | shop not connected                     |
 * | ------------------------------ | ---------------------------- | -------------------------------------- |
 * | not signed in                  | sign in, then Z's page       | OAuth → pending install + sign-in link |
 * | member of Z                    | Z's Shopify page             | –                                      |
 * | signed in, not a member of Z   | "not yours", nothing of Z's  | OAuth → connected to their company     |
 * | signed in, no company yet      | "not yours"                  | OAuth → company named after the shop   |
 */

/** Who is asking, as the session says (never the request). */
export interface Viewer {
  userId: string;
  email: string;
  /** Every organisation the user is a member of. */
  organisationIds: readonly string[];
  /** The organisation they work in now, or null before they have one. */
  activeOrganisationId: string | null;
}

export type ShopifyEntryOutcome =
  | {
      kind: "redirect";
      location: string;
      setCookies: string[];
      /** The organisation to make the active one (always one of the viewer's). */
      selectOrganisation?: string;
      /** The install started again by itself (expired state): not a second time. */
      restarted?: boolean;
    }
  | { kind: "pending"; pendingId: string; email: string; shop: string; setCookies: string[] };

type Redirect = Extract<ShopifyEntryOutcome, { kind: "redirect" }>;

/** How long the sign-in link of a pending install may be used (the link itself: 1 hour). */
export const PENDING_INSTALL_TTL_MS = 24 * 60 * 60 * 1000;

/** After signing in, this path opens the shop's page for a member of its organisation. */
export const OPEN_SHOP_PATH = `${APP_HOME_PATH}/go`;

export function claimPath(pendingId: string): string {
  return `${APP_HOME_PATH}/claim/${encodeURIComponent(pendingId)}`;
}

/** `/login?next=…`: sign in (or create the account), then continue there. */
export function signInThen(next: string): string {
  return `/login?${new URLSearchParams({ next }).toString()}`;
}

const to = (
  location: string,
  extra: { setCookies?: string[]; selectOrganisation?: string } = {},
): Redirect => ({ kind: "redirect", location, setCookies: [], ...extra });

const problem = (reason: EntryProblem, shop?: string) => to(entryProblemPage(reason, shop));

function openShop(
  viewer: Viewer | null,
  shop: string,
  organisationId: string,
): ShopifyEntryOutcome {
  if (!viewer) return to(signInThen(`${OPEN_SHOP_PATH}?${new URLSearchParams({ shop })}`));
  if (!viewer.organisationIds.includes(organisationId)) return problem("not_yours", shop);
  return to(SHOPIFY_PAGE, { selectOrganisation: organisationId });
}

/**
 * GET on the App URL. A request whose `hmac` is missing, forged or older than the
 * library's 90 seconds starts nothing. A shop already connected is opened, never
 * installed a second time; any other shop goes to Shopify's consent screen at once.
 */
export async function openFromShopify(
  deps: { db: Db; config: AppConfig },
  viewer: Viewer | null,
  request: Request,
): Promise<ShopifyEntryOutcome> {
  if (!isShopifyConfigured(deps.config)) return problem("not_configured");
  const query = new URL(request.url).searchParams;
  const sent = query.get("shop") ?? "";
  const normalised = normaliseShopDomain(sent);
  // Shopify sends the canonical domain; anything else was not written by Shopify.
  if (!normalised.ok || normalised.shop !== sent) return problem("forged");
  if (!(await isSignedByShopify(deps.config, query))) return problem("forged");
  const { shop } = normalised;

  const live = await findConnectionForShop(deps.db, shop);
  if (live?.status === "connected") return openShop(viewer, shop, live.organisationId);

  if (viewer?.activeOrganisationId) {
    const current = await getShopifyConnection(deps.db, tenant(viewer.activeOrganisationId));
    if (current?.status === "connected" && current.shop !== shop) {
      return to(shopifyPageWith({ error: "other_shop_connected", shop }));
    }
  }
  return beginOAuth(deps.config, request, shop);
}

/** Off to Shopify's consent screen, coming back to the app callback. */
async function beginOAuth(config: AppConfig, request: Request, shop: string): Promise<Redirect> {
  const response = (await getShopifyApp(config).auth.begin({
    shop,
    callbackPath: APP_INSTALL_CALLBACK_PATH,
    isOnline: false,
    rawRequest: request,
  })) as Response;
  const location = response.headers.get("location");
  // The library answers 410 instead of redirecting when the user agent looks like a bot.
  if (!location) return problem("unsupported_browser", shop);
  return to(browserAddress(location, config), { setCookies: response.headers.getSetCookie() });
}

/** After sign-in: the shop's page, for a member of the organisation it is connected to. */
export async function openConnectedShop(
  db: Db,
  viewer: Viewer,
  shopParam: string,
): Promise<ShopifyEntryOutcome> {
  const normalised = normaliseShopDomain(shopParam);
  if (!normalised.ok) return problem("not_yours");
  const live = await findConnectionForShop(db, normalised.shop);
  // Connected elsewhere and not connected at all read the same: nothing is told about others.
  if (live?.status !== "connected") return problem("not_yours", normalised.shop);
  return openShop(viewer, normalised.shop, live.organisationId);
}

export interface InstallFromShopifyDeps {
  db: Db;
  config: AppConfig;
  queue: Queue;
  log: Logger;
}

/**
 * Shopify sent the merchant back after approving an install that started in Shopify.
 * A signed-in user gets the shop connected to their company (or a company named after
 * the shop when they have none); a visitor who is not signed in gets a pending install,
 * claimed through the sign-in link sent to the shop owner's address.
 */
export async function completeInstallFromShopify(
  deps: InstallFromShopifyDeps,
  viewer: Viewer | null,
  request: Request,
  input: { defaultLanguage: DocumentLanguage; alreadyRestarted: boolean },
  clock: Clock,
): Promise<ShopifyEntryOutcome> {
  const query = new URL(request.url).searchParams;
  const sentShop = normaliseShopDomain(query.get("shop") ?? "");
  const exchanged = await exchangeCallback(deps, request);
  if (!exchanged.ok) {
    // The 60-second state cookie is gone (a slow login): start once more, but only for a
    // callback Shopify signed within the last 90 seconds, so nothing forged starts OAuth.
    if (
      exchanged.error === "state_expired" &&
      !input.alreadyRestarted &&
      sentShop.ok &&
      sentShop.shop === query.get("shop") &&
      (await isSignedByShopify(deps.config, query))
    ) {
      return { ...(await beginOAuth(deps.config, request, sentShop.shop)), restarted: true };
    }
    return problem(exchanged.error, sentShop.ok ? sentShop.shop : undefined);
  }
  const { session, setCookies } = exchanged;
  const shop = session.shop;
  const installed = installedShopOf(session, deps.config);
  const live = await findConnectionForShop(deps.db, shop);
  const withCookies = (outcome: ShopifyEntryOutcome): ShopifyEntryOutcome => ({
    ...outcome,
    setCookies: [...setCookies, ...outcome.setCookies],
  });

  if (viewer) {
    if (live?.status === "connected" && !viewer.organisationIds.includes(live.organisationId)) {
      return problem("not_yours", shop);
    }
    const target = live?.status === "connected" ? live.organisationId : viewer.activeOrganisationId;
    if (target) return withCookies(await connectTo(deps, target, installed, "shopify"));
    const identity = await identify(deps, session);
    if (!identity) return problem("shopify_unreachable", shop);
    const created = await createShopOrganisation(deps.db, viewer, identity, input);
    return withCookies(await connectTo(deps, created, installed, "onboarding"));
  }

  // Not signed in. A shop connected meanwhile is opened after sign-in, untouched.
  if (live?.status === "connected") {
    return to(signInThen(`${OPEN_SHOP_PATH}?${new URLSearchParams({ shop })}`));
  }
  const identity = await identify(deps, session);
  if (!identity) return problem("shopify_unreachable", shop);
  if (!identity.email) return problem("no_email", shop);
  // Pending installs nobody claimed in time are forgotten, sealed tokens and all.
  await deleteExpiredPendingInstalls(deps.db, clock.now());
  const pending = await savePendingInstall(deps.db, {
    ...installed,
    shopName: identity.name,
    shopEmail: identity.email,
    expiresAt: new Date(clock.now().getTime() + PENDING_INSTALL_TTL_MS),
  });
  return { kind: "pending", pendingId: pending.id, email: identity.email, shop, setCookies };
}

/**
 * The sign-in link of a pending install was followed (or a signed-in user opened it).
 * It is claimed by the shop owner's address, or by a member of the organisation that
 * last had the shop (a re-install): a re-install goes back to that organisation, any
 * other claim makes a company named after the shop. Claimed once, then gone.
 */
export async function claimPendingInstall(
  deps: { db: Db; config: AppConfig; queue: Queue },
  viewer: Viewer,
  pendingId: string,
  input: { defaultLanguage: DocumentLanguage },
  clock: Clock,
): Promise<ShopifyEntryOutcome> {
  if (!/^[0-9a-f-]{36}$/i.test(pendingId)) return problem("link_expired");
  const pending = await getPendingInstall(deps.db, pendingId, clock.now());
  if (!pending) return problem("link_expired");
  const last = await findConnectionForShop(deps.db, pending.shop);
  const memberOfLast = last ? viewer.organisationIds.includes(last.organisationId) : false;
  const isOwner = sameAddress(viewer.email, pending.shopEmail);
  if (!memberOfLast && (!isOwner || last?.status === "connected")) {
    return problem("not_yours", pending.shop);
  }
  if (!(await takePendingInstall(deps.db, pending.id))) return problem("link_expired");

  const installed: InstalledShop = {
    shop: pending.shop,
    scopes: pending.scopes,
    sealedTokens: pending.sealedTokens,
    accessTokenExpiresAt: pending.accessTokenExpiresAt,
  };
  if (last && memberOfLast) return connectTo(deps, last.organisationId, installed, "shopify");
  const created = await createShopOrganisation(
    deps.db,
    viewer,
    { name: pending.shopName, email: pending.shopEmail },
    input,
  );
  return connectTo(deps, created, installed, "onboarding");
}

function installedShopOf(session: Session, config: AppConfig): InstalledShop {
  const pair = tokenPairFromSession(session);
  return {
    shop: session.shop,
    scopes: session.scope ?? "",
    sealedTokens: sealTokenPair(pair, config.ENCRYPTION_KEY),
    accessTokenExpiresAt: pair.accessTokenExpiresAt ? new Date(pair.accessTokenExpiresAt) : null,
  };
}

async function identify(
  deps: { config: AppConfig; log: Logger },
  session: Session,
): Promise<ShopIdentity | null> {
  try {
    return await fetchShopIdentity(deps.config, session);
  } catch (error) {
    deps.log.warn({ err: error, shop: session.shop }, "Shopify shop details unavailable");
    return null;
  }
}

/**
 * Connects the shop to the organisation (activating the Shopify app there), and queues
 * the setup job, as an install from Facturo does.
 */
async function connectTo(
  deps: { db: Db; queue: Queue },
  organisationId: string,
  installed: InstalledShop,
  landing: "shopify" | "onboarding",
): Promise<ShopifyEntryOutcome> {
  const t = tenant(organisationId);
  const saved: SaveInstallResult = await saveInstalledShop(deps.db, t, installed);
  if (!saved.ok) {
    return to(shopifyPageWith({ error: saved.reason, shop: installed.shop }), {
      selectOrganisation: organisationId,
    });
  }
  await activateApp(deps.db, t, "shopify");
  await enqueue(deps.queue, finishShopifyInstallJob, {
    organisationId,
    connectionId: saved.connection.id,
  });
  return to(landing === "onboarding" ? SHOP_ONBOARDING_PAGE : shopifyPageWith({ connected: "1" }), {
    selectOrganisation: organisationId,
  });
}

/** First run for a company made from a shop: its details, with the shop already connected. */
export const SHOP_ONBOARDING_PAGE = "/onboarding/shop";

async function createShopOrganisation(
  db: Db,
  viewer: Viewer,
  identity: ShopIdentity,
  input: { defaultLanguage: DocumentLanguage },
): Promise<string> {
  const organisation = await createOrganisationWithOwner(db, viewer.userId, {
    legalName: identity.name.slice(0, 200),
    vatNumber: null,
    street: "",
    postalCode: "",
    city: "",
    country: "BE",
    iban: null,
    defaultLanguage: input.defaultLanguage,
  });
  return organisation.id;
}

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
