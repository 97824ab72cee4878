import { findConnectionForShop, markDisconnected } from "@/db/queries/shopify-connections";
import type { DeliveryHandler } from "../delivery-handler";

/**
 * The merchant removed the app in Shopify. Shopify has already revoked the token
 * and deleted the subscriptions; Facturo forgets the token at once (keeping a dead
 * session is a finding in Shopify's security review) and the page says so.
 */
export const handleAppUninstalled: DeliveryHandler = async (_payload, { db, t, delivery }) => {
  const connection = await findConnectionForShop(db, delivery.shop);
  if (!connection || connection.organisationId !== t.organisationId) {
    return { status: "ignored", outcome: "unknown_shop" };
  }
  const changed = await markDisconnected(db, t, connection.id, "uninstalled");
  return changed
    ? { status: "processed", outcome: "uninstalled" }
    : { status: "ignored", outcome: "already_disconnected" };
};
