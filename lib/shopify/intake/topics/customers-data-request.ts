import { findCustomerData, recordPrivacyRequest } from "@/db/queries/shopify-privacy";
import type { DeliveryHandler } from "../delivery-handler";
import { customerPrivacyPayload } from "./privacy-payload";

/**
 * A customer asked the shop for their data. Facturo records the request with what
 * it holds about them; the merchant sees it on the Shopify page and answers the
 * customer (the customer page and documents hold everything).
 */
export const handleCustomersDataRequest: DeliveryHandler = async (payload, { db, t, delivery }) => {
  const body = customerPrivacyPayload.parse(payload);
  const match = {
    shopifyCustomerId: body.customer.id ?? null,
    email: body.customer.email ?? null,
    orderIds: body.orders_requested ?? [],
  };
  const found = await findCustomerData(db, t, match);
  await recordPrivacyRequest(db, t, {
    shop: delivery.shop,
    topic: "customers/data_request",
    deliveryId: delivery.id,
    customerEmail: match.email,
    shopifyCustomerId: match.shopifyCustomerId,
    orderIds: match.orderIds,
    summary: { customers: found.customerIds.length, documents: found.documents.length },
    completed: false,
  });
  return { status: "processed", outcome: "privacy_request_recorded" };
};
