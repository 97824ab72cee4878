import { recordPrivacyRequest } from "@/db/queries/shopify-privacy";
import type { DeliveryHandler } from "../delivery-handler";
import { redactCustomerData } from "../redact-customer-data";
import { customerPrivacyPayload } from "./privacy-payload";

/** Erases a customer's data as far as the law allows (rule: ../redact-customer-data.ts). */
export const handleCustomersRedact: DeliveryHandler = async (
  payload,
  { db, t, delivery, clock },
) => {
  const body = customerPrivacyPayload.parse(payload);
  const match = {
    shopifyCustomerId: body.customer.id ?? null,
    email: body.customer.email ?? null,
    orderIds: body.orders_to_redact ?? [],
  };
  const summary = await redactCustomerData(db, t, match, clock);
  await recordPrivacyRequest(db, t, {
    shop: delivery.shop,
    topic: "customers/redact",
    deliveryId: delivery.id,
    // The request itself must not keep the address it erased.
    customerEmail: null,
    shopifyCustomerId: match.shopifyCustomerId,
    orderIds: match.orderIds,
    summary,
    completed: true,
  });
  return { status: "processed", outcome: "customer_redacted" };
};
