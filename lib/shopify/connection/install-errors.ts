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

/**
 * Why an install or an opening that started in Shopify (the App URL) stopped, shown on
 * `/shopify/problem` (translated under shopifyInstall.problems.*): the install errors,
 * plus a request Shopify did not sign, a shop that is not the visitor's, a shop without
 * an owner address, and a sign-in link that expired.
 */
export const ENTRY_PROBLEMS = [
  ...INSTALL_ERRORS,
  "forged",
  "not_yours",
  "no_email",
  "link_expired",
] as const;

export type EntryProblem = (typeof ENTRY_PROBLEMS)[number];

export function isEntryProblem(value: unknown): value is EntryProblem {
  return typeof value === "string" && (ENTRY_PROBLEMS as readonly string[]).includes(value);
}

export const ENTRY_PROBLEM_PAGE = "/shopify/problem";

export function entryProblemPage(problem: EntryProblem, shop?: string): string {
  return `${ENTRY_PROBLEM_PAGE}?${new URLSearchParams(shop ? { reason: problem, shop } : { reason: problem }).toString()}`;
}
