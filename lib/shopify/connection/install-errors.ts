/**
 * Why an install did not complete, as shown to the merchant on the Shopify page
 * (translated under apps.shopify.errors.*). Each comes with a way forward.
 */
export const INSTALL_ERRORS = [
  "invalid_shop",
  "custom_domain",
  "shop_taken",
  "other_shop_connected",
  "declined",
  "state_expired",
  "invalid_callback",
  "shopify_unreachable",
  "unsupported_browser",
  "not_configured",
  "unexpected",
] as const;

export type InstallError = (typeof INSTALL_ERRORS)[number];

export function isInstallError(value: unknown): value is InstallError {
  return typeof value === "string" && (INSTALL_ERRORS as readonly string[]).includes(value);
}

export const SHOPIFY_PAGE = "/apps/shopify";

export function shopifyPageWith(params: Record<string, string>): string {
  return `${SHOPIFY_PAGE}?${new URLSearchParams(params).toString()}`;
}
