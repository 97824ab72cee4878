import { findConnectionForShop } from "@/db/queries/shopify-connections";
import { recordPrivacyRequest } from "@/db/queries/shopify-privacy";
import type { DeliveryHandler } from "../delivery-handler";
import { redactShopData } from "../redact-shop-data";

/** Sent 48 hours after an uninstall: forget the shop (rule: ../redact-shop-data.ts). */
export const handleShopRedact: DeliveryHandler = async (_payload, { db, t, delivery }) => {
  const connection = await findConnectionForShop(db, delivery.shop);
  // Re-installed since: the shop is a customer again, nothing to forget.
  if (connection?.status === "connected")
    return { status: "ignored", outcome: "shop_connected_again" };
  const summary = await redactShopData(db, t, { shop: delivery.shop, keepDeliveryId: delivery.id });
  await recordPrivacyRequest(db, t, {
    shop: delivery.shop,
    topic: "shop/redact",
    deliveryId: delivery.id,
    customerEmail: null,
    shopifyCustomerId: null,
    orderIds: [],
    summary,
    completed: true,
  });
  return { status: "processed", outcome: "shop_redacted" };
};
