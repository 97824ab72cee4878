/**
 * The headers every page and route answers with (proxy.ts sets them; static build files
 * get the fixed ones from next.config.ts). Pure, so a test can read them.
 */
export interface SecurityHeaderOptions {
  /** The per-request nonce Next.js puts on its own scripts. */
  nonce: string;
  /** The request's path: customer pages (`/d/…`) send no referrer at all. */
  pathname: string;
  /** APP_URL: https turns on HSTS. */
  appUrl: string | undefined;
  development: boolean;
}

export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // Next.js's scripts carry the nonce; 'strict-dynamic' lets them load its chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // React's style attributes cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ].join("; ");
}

export function isCustomerPage(pathname: string): boolean {
  return pathname === "/d" || pathname.startsWith("/d/");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(options.nonce, options.development),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": isCustomerPage(options.pathname)
      ? "no-referrer"
      : "strict-origin-when-cross-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
  };
  if (options.appUrl?.startsWith("https:")) {
    // Behind HTTPS only: a browser that saw it refuses plain http for two years.
    headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  }
  return headers;
}

/** Hosts a server action may be posted from: the request's own host and APP_URL's. */
export function isForeignOrigin(
  origin: string | null,
  requestHost: string | null,
  appUrl: string | undefined,
): boolean {
  if (!origin) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true;
  }
  const allowed = new Set<string>();
  if (requestHost) allowed.add(requestHost);
  if (appUrl) {
    try {
      allowed.add(new URL(appUrl).host);
    } catch {
      // An invalid APP_URL is refused at start-up (lib/config/env.ts).
    }
  }
  return !allowed.has(originHost);
}
