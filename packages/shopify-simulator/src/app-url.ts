import type { SimulatorConfig } from "./config";
import { hostParam, queryHmac } from "./sign";
import type { ShopState } from "./state";

/**
 * The request Shopify makes when a merchant presses Install in the App Store, or opens an
 * installed app from the Shopify admin (a non-embedded app): the browser goes to the
 * app's App URL (`application_url` in shopify.app.toml) with `shop`, `host`, `timestamp`
 * and `hmac`, signed like an OAuth callback (docs/shopify.md §1.5) with the client secret.
 */
export function signedAppUrl(config: SimulatorConfig, shop: ShopState): string {
  const url = new URL(config.applicationUrl);
  const params: Record<string, string> = {
    ...Object.fromEntries(url.searchParams),
    host: hostParam(shop.handle),
    shop: shop.domain,
    timestamp: String(Math.floor(config.now().getTime() / 1000)),
  };
  const hmac = queryHmac(params, config.clientSecret);
  url.search = new URLSearchParams({ ...params, hmac }).toString();
  return url.toString();
}
