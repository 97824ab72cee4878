import { z } from "zod";
import { getShopifyConnectionById, recordShopSetup } from "@/db/queries/shopify-connections";
import { tenant } from "@/db/tenant";
import { defineJob, PermanentJobError } from "@/lib/jobs/define-job";
import { SHOP_QUERY } from "../admin-graphql/queries";
import { ShopifyConnectionClosedError } from "../admin-session";
import { adminGraphqlForConnection } from "../admin-graphql/for-connection";
import { webhookEndpoint } from "../endpoints";
import { syncWebhookSubscriptions } from "../webhook-subscriptions";
import { SUBSCRIBED_TOPICS } from "../webhook-topics";

interface ShopAnswer {
  shop: { name: string; email: string | null; currencyCode: string | null };
}

/**
 * After the merchant approved the app: read the shop's name and subscribe to the
 * webhooks. A job, not part of the OAuth callback, so a slow or briefly
 * unreachable Shopify is retried instead of failing the install.
 */
export const finishShopifyInstallJob = defineJob({
  name: "shopify-finish-install",
  retryLimit: 6,
  retryDelaySeconds: 10,
  schema: z.object({ organisationId: z.string().uuid(), connectionId: z.string().uuid() }),
  handler: async ({ organisationId, connectionId }, ctx) => {
    const t = tenant(organisationId);
    const connection = await getShopifyConnectionById(ctx.db, t, connectionId);
    if (connection?.status !== "connected") return;
    try {
      const graphql = await adminGraphqlForConnection(ctx, t, connectionId);
      const { shop } = await graphql<ShopAnswer>(SHOP_QUERY);
      const sync = await syncWebhookSubscriptions(
        graphql,
        webhookEndpoint(ctx.config),
        SUBSCRIBED_TOPICS,
      );
      await recordShopSetup(ctx.db, t, connectionId, {
        ok: true,
        shopName: shop.name,
        shopEmail: shop.email,
        shopCurrency: shop.currencyCode,
      });
      ctx.log.info({ shop: connection.shop, ...sync }, "Shopify connection ready");
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const closed = error instanceof ShopifyConnectionClosedError;
      await recordShopSetup(ctx.db, t, connectionId, {
        ok: false,
        error: message.slice(0, 500),
        final: closed || Boolean(ctx.isLastAttempt),
      });
      if (closed) {
        throw new PermanentJobError(message, "connection_closed");
      }
      throw error;
    }
  },
});
