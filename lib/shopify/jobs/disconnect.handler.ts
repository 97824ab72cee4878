import { forgetTokens, getShopifyConnectionById } from "@/db/queries/shopify-connections";
import { tenant } from "@/db/tenant";
import { adminGraphqlFor } from "@/lib/shopify/platform/admin-graphql/admin-client";
import {
  getAdminSession,
  ShopifyConnectionClosedError,
} from "@/lib/shopify/platform/admin-session";
import { webhookEndpoint } from "@/lib/shopify/platform/endpoints";
import { getShopifyApp, shopifyHttpStatus } from "@/lib/shopify/platform/shopify-app";
import { removeWebhookSubscriptions } from "@/lib/shopify/platform/webhook-subscriptions";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { disconnectShopifyJob } from "./disconnect.job";

/** The work of `disconnectShopifyJob` (see its definition, ./disconnect.job.ts). */
export const disconnectShopifyHandler = defineJobHandler(
  disconnectShopifyJob,
  async ({ organisationId, connectionId }, ctx) => {
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
);
