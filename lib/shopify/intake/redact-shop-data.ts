import type { Db } from "@/db/client";
import {
  deleteDisconnectedShop,
  deleteShopDeliveries,
  deleteShopOrders,
  eraseDeliveryPayload,
  erasePrivacyRequestEmails,
  hasShopConnection,
  unlinkShopifyCustomers,
} from "@/db/queries/shopify-privacy";
import type { Tenant } from "@/db/tenant";

export interface RedactShopInput {
  shop: string;
  /** The shop/redact delivery itself: its log line stays, its body goes. */
  keepDeliveryId: string;
}

export type RedactShopSummary = {
  connectionsDeleted: number;
  deliveriesDeleted: number;
  customersUnlinked: number;
};

/**
 * Forgets a shop 48 hours after its uninstall: the connection (token, settings),
 * the stored webhook deliveries and orders, and the Shopify ids on customers. Documents stay:
 * they are the merchant's accounting records, not Shopify's data. One transaction; no clock
 * (nothing it writes is dated).
 */
export async function redactShopData(
  db: Db,
  t: Tenant,
  input: RedactShopInput,
): Promise<RedactShopSummary> {
  return db.transaction(async (tx) => {
    const connectionsDeleted = await deleteDisconnectedShop(tx, t, input.shop);
    const deliveriesDeleted = await deleteShopDeliveries(tx, t, input.shop, input.keepDeliveryId);
    await eraseDeliveryPayload(tx, t, input.keepDeliveryId);
    await deleteShopOrders(tx, t, input.shop);
    // Shopify ids say which shop they came from only through the connection: clear
    // them when no other shop is (or was) connected to this organisation.
    const customersUnlinked = (await hasShopConnection(tx, t))
      ? 0
      : await unlinkShopifyCustomers(tx, t);
    await erasePrivacyRequestEmails(tx, t, input.shop);
    return { connectionsDeleted, deliveriesDeleted, customersUnlinked };
  });
}
