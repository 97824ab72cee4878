import autocannon from "autocannon";
import { OrderFactory, webhookHeaders } from "./orders";
import { round } from "./stats";

/** What one load run against a webhook endpoint measured. */
export interface LoadResult {
  /** Successful (2xx) answers per second over the run. */
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  /** Connection errors, timeouts and non-2xx answers. */
  errors: number;
  durationS: number;
}

/**
 * Signed `orders/create` deliveries, each with its own webhook id and order, from
 * autocannon on loopback: at a fixed overall rate, or as fast as the server answers
 * when `rate` is undefined.
 */
export async function loadWebhooks(options: {
  url: string;
  shop: string;
  secret: string;
  orders: OrderFactory;
  durationS: number;
  rate?: number;
  connections: number;
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const result = await autocannon({
    url: target.origin,
    connections: options.connections,
    duration: options.durationS,
    timeout: 10,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        setupRequest: (request) => {
          const order = options.orders.create();
          return {
            ...request,
            method: "POST",
            path: target.pathname,
            headers: webhookHeaders(order.body, options.shop, options.secret),
            body: order.body,
          };
        },
      },
    ],
  });
  const answered = result["2xx"] + result.non2xx;
  return {
    throughput: round(result["2xx"] / result.duration),
    // Without a single answer there is no latency to report (and no target met).
    p50Ms: answered > 0 ? result.latency.p50 : NaN,
    p99Ms: answered > 0 ? result.latency.p99 : NaN,
    ok: result["2xx"],
    // Refused or reset connections, timeouts and non-2xx answers.
    errors: result.errors + result.non2xx,
    durationS: result.duration,
  };
}
