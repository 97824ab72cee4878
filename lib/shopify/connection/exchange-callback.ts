import type { AppConfig } from "@/lib/config/env";
import type { Logger } from "@/lib/log/logger";
import {
  BotActivityDetected,
  CookieNotFound,
  getShopifyApp,
  HttpRequestError,
  HttpResponseError,
  InvalidHmacError,
  InvalidOAuthError,
  isShopifyConfigured,
  shopifyHttpStatus,
  type Session,
} from "../platform/shopify-app";
import type { InstallError } from "./install-errors";

export type CallbackExchange =
  { ok: true; session: Session; setCookies: string[] } | { ok: false; error: InstallError };

/**
 * Shopify sent the merchant back from the consent screen. The library checks the
 * signature, timestamp and state cookie and exchanges the code for an expiring offline
 * token pair. Used by both install paths (started in Facturo, started in Shopify); what
 * happens with the token is theirs to decide.
 */
export async function exchangeCallback(
  deps: { config: AppConfig; log: Logger },
  request: Request,
): Promise<CallbackExchange> {
  const fail = (error: InstallError): CallbackExchange => ({ ok: false, error });
  if (!isShopifyConfigured(deps.config)) return fail("not_configured");
  const refusal = new URL(request.url).searchParams.get("error");
  if (refusal) return fail(refusal === "access_denied" ? "declined" : "invalid_callback");
  try {
    const result = await getShopifyApp(deps.config).auth.callback<Headers>({
      rawRequest: request,
      expiring: true,
    });
    return { ok: true, session: result.session, setCookies: result.headers?.getSetCookie() ?? [] };
  } catch (error) {
    deps.log.warn({ err: error }, "Shopify install callback refused");
    if (error instanceof CookieNotFound) return fail("state_expired");
    if (error instanceof BotActivityDetected) return fail("unsupported_browser");
    if (error instanceof InvalidOAuthError || error instanceof InvalidHmacError) {
      return fail("invalid_callback");
    }
    // Shopify answered, but refused the code (used twice, expired): start again.
    const status = shopifyHttpStatus(error);
    if (status !== null && status >= 400 && status < 500) return fail("invalid_callback");
    if (
      error instanceof HttpRequestError ||
      error instanceof HttpResponseError ||
      error instanceof TypeError
    ) {
      return fail("shopify_unreachable");
    }
    return fail("unexpected");
  }
}
