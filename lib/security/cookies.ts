/**
 * Cookies are `Secure` whenever the app's public address is https (APP_URL), whatever
 * protocol the proxy in front forwards: Auth.js's (auth.ts, useSecureCookies), the
 * app's own (locale, active organisation, Shopify install) through these helpers.
 */
export function cookiesAreSecure(appUrl: string): boolean {
  return appUrl.startsWith("https:");
}

/** A Set-Cookie header value, with `Secure` added when the app is served over https. */
export function secureSetCookie(value: string, appUrl: string): string {
  if (!cookiesAreSecure(appUrl) || /;\s*secure\b/i.test(value)) return value;
  return `${value}; Secure`;
}
