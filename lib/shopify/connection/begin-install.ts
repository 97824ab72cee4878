import type { Db } from "@/db";
import { getShopifyConnection, isShopConnectedElsewhere } from "@/db/queries/shopify-connections";
import type { Tenant } from "@/db/tenant";
import type { AppConfig } from "@/lib/config/env";
import { OAUTH_CALLBACK_PATH } from "../platform/endpoints";
import { normaliseShopDomain } from "../platform/shop-domain";
import { browserAddress, getShopifyApp, isShopifyConfigured } from "../platform/shopify-app";
import { shopifyPageWith, type InstallError } from "./install-errors";

/** Where the browser goes next: Shopify's consent screen, or back with an error. */
export type BeginInstallResult =
  | { ok: true; location: string; setCookies: string[] }
  | { ok: false; error: InstallError; location: string };

/**
 * Starts the OAuth grant for the shop the merchant typed. The shop is checked
 * before anything else so the browser is never sent to a host that is not a
 * `*.myshopify.com` shop; the library then sets its 60-second state cookie and
 * builds the consent URL.
 */
export async function beginInstall(
  deps: { db: Db; config: AppConfig },
  t: Tenant,
  request: Request,
  typedShop: string,
): Promise<BeginInstallResult> {
  const fail = (error: InstallError): BeginInstallResult => ({
    ok: false,
    error,
    location: shopifyPageWith({ error, shop: typedShop.slice(0, 200) }),
  });
  if (!isShopifyConfigured(deps.config)) return fail("not_configured");
  const normalised = normaliseShopDomain(typedShop);
  if (!normalised.ok)
    return fail(normalised.error === "custom_domain" ? "custom_domain" : "invalid_shop");
  const { shop } = normalised;

  if (await isShopConnectedElsewhere(deps.db, t, shop)) return fail("shop_taken");
  const current = await getShopifyConnection(deps.db, t);
  if (current?.status === "connected" && current.shop !== shop) return fail("other_shop_connected");

  const response = (await getShopifyApp(deps.config).auth.begin({
    shop,
    callbackPath: OAUTH_CALLBACK_PATH,
    isOnline: false,
    rawRequest: request,
  })) as Response;
  const location = response.headers.get("location");
  // The library answers 410 instead of redirecting when the user agent looks like a bot.
  if (!location) return fail("unsupported_browser");
  return {
    ok: true,
    location: browserAddress(location, deps.config),
    setCookies: response.headers.getSetCookie(),
  };
}
