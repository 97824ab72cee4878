import { NextResponse, type NextRequest } from "next/server";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/security/body-limits";
import { safeRequestId } from "@/lib/security/request-id";
import { isForeignOrigin, securityHeaders } from "@/lib/security/security-headers";

/**
 * Every request but static files:
 * - an id (the load balancer's when it is short and safe, else a new one), visible to
 *   route handlers, actions and pages and returned to the client, so a merchant's "it
 *   failed at 10:02" can be found in the logs;
 * - the security headers (lib/security/security-headers.ts), with a fresh CSP nonce that
 *   Next.js reads from the request's Content-Security-Policy and puts on its scripts;
 * - server actions refused before Next.js sees them when they cannot be valid: posted
 *   from another site's page (403, where Next.js would throw a 500), or with a body over
 *   the actions' limit (413) or of unknown length (411).
 */
export function proxy(request: NextRequest) {
  const requestId = safeRequestId(request.headers.get("x-request-id"));
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const security = securityHeaders({
    nonce,
    pathname: request.nextUrl.pathname,
    appUrl: process.env.APP_URL,
    development: process.env.NODE_ENV === "development",
  });

  const refused = refuseServerAction(request);
  if (refused) {
    refused.headers.set("x-request-id", requestId);
    for (const [name, value] of Object.entries(security)) refused.headers.set(name, value);
    return refused;
  }

  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", security["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

function refuseServerAction(request: NextRequest): Response | null {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (isForeignOrigin(request.headers.get("origin"), host, process.env.APP_URL)) {
    return new Response("Forbidden: this form was posted from another site.", { status: 403 });
  }
  const length = request.headers.get("content-length");
  if (length === null) {
    return new Response("Length required.", { status: 411 });
  }
  if (Number(length) > SERVER_ACTION_BODY_LIMIT_BYTES) {
    return new Response("This file is too large (5 MB at most).", { status: 413 });
  }
  return null;
}

/** Static files (build output, icons, robots.txt) are served as they are: next.config.ts gives them their headers. */
export const config = {
  matcher: [
    "/((?!_next/static|_next/image|icon.svg|favicon.ico|apple-touch-icon.png|robots.txt).*)",
  ],
};
