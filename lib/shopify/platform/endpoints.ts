import type { AppConfig } from "@/lib/config/env";

/**
 * Facturo's addresses that Shopify calls. They go into the Partner dashboard's
 * "Allowed redirection URLs" and the compliance webhook URL (see the README).
 */
export const OAUTH_CALLBACK_PATH = "/api/shopify/callback";
export const WEBHOOK_PATH = "/api/shopify/webhooks";

export function webhookEndpoint(config: AppConfig): string {
  return new URL(WEBHOOK_PATH, config.APP_URL).href;
}
