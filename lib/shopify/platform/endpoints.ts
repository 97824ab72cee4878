import type { AppConfig } from "@/lib/config/env";

/**
 * Facturo's addresses that Shopify calls. They go into the Partner dashboard's
 * "Allowed redirection URLs" and the compliance webhook URL (see the README).
 */
export const OAUTH_CALLBACK_PATH = "/api/shopify/callback";
export const WEBHOOK_PATH = "/api/shopify/webhooks";

/**
 * The App URL: where Shopify sends the merchant who presses Install in the App Store or
 * opens the app in the Shopify admin, with a signed `shop, hmac, host, timestamp` query.
 */
export const APP_HOME_PATH = "/shopify";

/** Where Shopify sends the merchant back after approving an install started by Shopify. */
export const APP_INSTALL_CALLBACK_PATH = "/api/shopify/app-callback";

export function webhookEndpoint(config: AppConfig): string {
  return new URL(WEBHOOK_PATH, config.APP_URL).href;
}
