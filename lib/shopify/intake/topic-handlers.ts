import type { DeliveryHandler } from "./delivery-handler";
import { handleAppUninstalled } from "./topics/app-uninstalled";
import { handleCustomersDataRequest } from "./topics/customers-data-request";
import { handleCustomersRedact } from "./topics/customers-redact";
import { handleOrderTopic } from "./topics/orders";
import { handleRefundCreated } from "./topics/refunds-create";
import { handleShopRedact } from "./topics/shop-redact";

/** Which handler processes each topic. Topics without one are recorded as ignored. */
export const topicHandlers: Readonly<Record<string, DeliveryHandler>> = {
  "app/uninstalled": handleAppUninstalled,
  "customers/data_request": handleCustomersDataRequest,
  "customers/redact": handleCustomersRedact,
  "shop/redact": handleShopRedact,
  "orders/create": handleOrderTopic,
  "orders/updated": handleOrderTopic,
  "orders/paid": handleOrderTopic,
  "orders/fulfilled": handleOrderTopic,
  "orders/cancelled": handleOrderTopic,
  "refunds/create": handleRefundCreated,
};
