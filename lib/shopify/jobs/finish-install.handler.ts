import { getShopifyConnectionById, recordShopSetup } from "@/db/queries/shopify-connections";
import { tenant } from "@/db/tenant";
import { SHOP_QUERY } from "@/lib/shopify/platform/admin-graphql/queries";
import { ShopifyConnectionClosedError } from "@/lib/shopify/platform/admin-session";
import { adminGraphqlForConnection } from "@/lib/shopify/platform/admin-graphql/for-connection";
import { webhookEndpoint } from "@/lib/shopify/platform/endpoints";
import { syncWebhookSubscriptions } from "@/lib/shopify/platform/webhook-subscriptions";
import { SUBSCRIBED_TOPICS } from "@/lib/shopify/intake/webhook-topics";
import { PermanentJobError } from "@/lib/jobs/permanent-job-error";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { finishShopifyInstallJob } from "./finish-install.job";

interface ShopAnswer {
  shop: { name: string; email: string | null; currencyCode: string | null };
}

/** The work of `finishShopifyInstallJob` (see its definition, ./finish-install.job.ts). */
export const finishShopifyInstallHandler = defineJobHandler(
  finishShopifyInstallJob,
  async ({ organisationId, connectionId }, ctx) => {
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
);
