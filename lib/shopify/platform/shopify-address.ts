/**
 * Where a `https://<shop>.myshopify.com/...` address really points. With no API
 * origin configured it is left alone (real Shopify). With one (the simulator in
 * development and tests), the shop becomes the first path segment:
 * `<origin>/shops/<shop>/...`. Used for server-side calls and for the browser
 * redirect to the consent screen, so the domain code never knows the difference.
 */
const SHOPIFY_HOST = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export function shopifyAddress(url: string | URL, apiOrigin: string | undefined): URL {
  const target = new URL(url);
  if (!apiOrigin || target.protocol !== "https:" || !SHOPIFY_HOST.test(target.hostname)) {
    return target;
  }
  const rewritten = new URL(apiOrigin);
  const basePath = rewritten.pathname.replace(/\/$/, "");
  rewritten.pathname = `${basePath}/shops/${target.hostname}${target.pathname}`;
  rewritten.search = target.search;
  return rewritten;
}
