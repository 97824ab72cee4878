import type { ShopifyDelivery } from "@/db/queries/shopify-deliveries";
import type { Tenant } from "@/db/tenant";
import type { Clock } from "@/lib/calendar/clock";
import type { JobContext } from "@/lib/jobs/job-handler";

export interface DeliveryContext extends JobContext {
  t: Tenant;
  delivery: ShopifyDelivery;
  /** "Now" for the topic's operations: the job handler passes the system clock. */
  clock: Clock;
}

/** What happened to a delivery, shown in the sync inbox; a throw means "retry". */
export interface DeliveryOutcome {
  /** failed: nothing a retry by the queue can fix; the merchant sees why (and can Retry later). */
  status: "processed" | "ignored" | "failed";
  outcome?: string;
  documentId?: string;
  error?: string;
}

/** One handler per topic; each is idempotent because Shopify repeats deliveries. */
export type DeliveryHandler = (payload: unknown, ctx: DeliveryContext) => Promise<DeliveryOutcome>;
