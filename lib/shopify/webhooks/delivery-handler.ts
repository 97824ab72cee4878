import type { ShopifyDelivery } from "@/db/queries/shopify-deliveries";
import type { Tenant } from "@/db/tenant";
import type { JobContext } from "@/lib/jobs/define-job";

export interface DeliveryContext extends JobContext {
  t: Tenant;
  delivery: ShopifyDelivery;
}

/** What happened to a delivery, shown in the sync inbox; a throw means "retry". */
export interface DeliveryOutcome {
  status: "processed" | "ignored";
  outcome?: string;
}

/** One handler per topic; each is idempotent because Shopify repeats deliveries. */
export type DeliveryHandler = (payload: unknown, ctx: DeliveryContext) => Promise<DeliveryOutcome>;
