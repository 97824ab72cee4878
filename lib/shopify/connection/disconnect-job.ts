import { z } from "zod";
import { forgetTokens, getShopifyConnectionById } from "@/db/queries/shopify-connections";
import { tenant } from "@/db/tenant";
import { defineJob } from "@/lib/jobs/define-job";
import { adminGraphqlFor } from "../admin-graphql/admin-client";
import { getAdminSession, ShopifyConnectionClosedError } from "../admin-session";
import { webhookEndpoint } from "../endpoints";
import { getShopifyApp, shopifyHttpStatus } from "../shopify-app";
import { removeWebhookSubscriptions } from "../webhook-subscriptions";

/**
 * After the merchant clicked Disconnect: remove our webhook subscriptions from the
 * shop, then forget the token. If Shopify keeps refusing, the token is forgotten
 * anyway after the last attempt; deliveries that still arrive are recorded and
 * ignored (the shop is disconnected).
 */
export const disconnectShopifyJob = defineJob({
  name: "shopify-disconnect",
  retryLimit: 4,
  retryDelaySeconds: 10,
  schema: z.object({ organisationId: z.string().uuid(), connectionId: z.string().uuid() }),
  handler: async ({ organisationId, connectionId }, ctx) => {
    const t = tenant(organisationId);
    const connection = await getShopifyConnectionById(ctx.db, t, connectionId);
    if (!connection || connection.status === "connected" || !connection.sealedTokens) return;
    try {
      const session = await getAdminSession(ctx, t, connectionId);
      const graphql = adminGraphqlFor(getShopifyApp(ctx.config), session);
      const removed = await removeWebhookSubscriptions(graphql, webhookEndpoint(ctx.config));
      ctx.log.info({ shop: connection.shop, removed }, "Shopify subscriptions removed");
    } catch (error) {
      const tokenIsDead =
        error instanceof ShopifyConnectionClosedError || shopifyHttpStatus(error) === 401;
      if (!tokenIsDead && !ctx.isLastAttempt) throw error;
      ctx.log.warn(
        { err: error, shop: connection.shop },
        "Subscriptions not removed; token forgotten",
      );
    }
    await forgetTokens(ctx.db, t, connectionId);
  },
});
