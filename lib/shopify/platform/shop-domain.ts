/**
 * Turns what a merchant types into the canonical `handle.myshopify.com`, or says
 * why it cannot. Accepted: `my-shop`, `my-shop.myshopify.com`, any URL on that
 * host (`https://my-shop.myshopify.com/admin`), and the new admin address
 * `admin.shopify.com/store/my-shop`. Custom domains are refused: OAuth only works
 * on the myshopify host, and redirecting to an arbitrary host would be an open
 * redirect. The final check is Shopify's own anchored pattern.
 */
export type ShopDomainError = "empty" | "custom_domain" | "invalid";

export type ShopDomainResult = { ok: true; shop: string } | { ok: false; error: ShopDomainError };

const SHOP_PATTERN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const HANDLE_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const MAX_HANDLE_LENGTH = 60;

export function isShopDomain(value: string): boolean {
  return SHOP_PATTERN.test(value) && value.length <= MAX_HANDLE_LENGTH + ".myshopify.com".length;
}

export function normaliseShopDomain(input: string): ShopDomainResult {
  const typed = input.trim().toLowerCase();
  if (typed === "") return { ok: false, error: "empty" };
  if (typed.length > 300) return { ok: false, error: "invalid" };

  const withoutScheme = typed.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  // Anything that still has a scheme-like prefix (javascript:, data:) is not an address.
  if (/^[a-z][a-z0-9+.-]*:/.test(withoutScheme) && !/^[^/]+:\d+/.test(withoutScheme)) {
    return { ok: false, error: "invalid" };
  }
  const [hostPart = "", ...pathParts] = withoutScheme.split(/[/?#]/);
  if (/:\d+$/.test(hostPart) && !hostPart.includes(".")) return { ok: false, error: "invalid" };
  const host = hostPart.replace(/:\d+$/, "").replace(/\.$/, "");
  if (/[@\s\\]/.test(host)) return { ok: false, error: "invalid" };
  // "http//my-shop.myshopify.com": the shop's address is there, but mangled.
  if (typed.includes("myshopify.com") && !host.endsWith(".myshopify.com")) {
    return { ok: false, error: "invalid" };
  }

  if (host === "admin.shopify.com") {
    const [segment, handle] = pathParts;
    if (segment === "store" && handle && HANDLE_PATTERN.test(handle)) {
      return checked(`${handle}.myshopify.com`);
    }
    return { ok: false, error: "invalid" };
  }
  if (!host.includes("."))
    return HANDLE_PATTERN.test(host)
      ? checked(`${host}.myshopify.com`)
      : { ok: false, error: "invalid" };
  if (host.endsWith(".myshopify.com")) return checked(host);
  // A Shopify-looking host with a typo (myshopfy.com, myshopify.co) is not a custom domain.
  if (/shopify|myshop/.test(host)) return { ok: false, error: "invalid" };
  // A host name with a dot that is not Shopify's: almost always the shop's own domain.
  return /^[a-z0-9.-]+$/.test(host)
    ? { ok: false, error: "custom_domain" }
    : { ok: false, error: "invalid" };
}

function checked(shop: string): ShopDomainResult {
  return isShopDomain(shop) ? { ok: true, shop } : { ok: false, error: "invalid" };
}
