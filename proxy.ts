import { NextResponse, type NextRequest } from "next/server";

/**
 * Gives every request an id (or keeps the one a load balancer sent), visible to route
 * handlers, actions and pages through the request headers and returned to the client,
 * so a merchant's "it failed at 10:02" can be found in the logs.
 */
export function proxy(request: NextRequest) {
  const requestId = request.headers.get("x-request-id") || crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  return response;
}

/** Static files (build output, icons, robots.txt) are served as they are, without a request id. */
export const config = {
  matcher: [
    "/((?!_next/static|_next/image|icon.svg|favicon.ico|apple-touch-icon.png|robots.txt).*)",
  ],
};
