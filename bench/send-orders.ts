import { OrderFactory, webhookHeaders } from "./orders";
import { sleep } from "./stats";

/** Each order's id and the wall-clock time its webhook left (compared with DB timestamps). */
export interface SentOrder {
  id: string;
  sentAt: number;
  status: number | null;
}

interface Target {
  url: string;
  shop: string;
  secret: string;
}

async function post(target: Target, orders: OrderFactory): Promise<SentOrder> {
  const order = orders.create();
  const sentAt = Date.now();
  try {
    const response = await fetch(target.url, {
      method: "POST",
      headers: webhookHeaders(order.body, target.shop, target.secret),
      body: order.body,
    });
    await response.arrayBuffer();
    return { id: order.id, sentAt, status: response.status };
  } catch {
    return { id: order.id, sentAt, status: null };
  }
}

/** One webhook every 1/rate s for durationS, on schedule whatever the answers' latency. */
export async function sendAtRate(
  target: Target,
  orders: OrderFactory,
  rate: number,
  durationS: number,
): Promise<SentOrder[]> {
  const start = performance.now();
  const total = Math.round(rate * durationS);
  const inFlight: Promise<SentOrder>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(post(target, orders));
  }
  return Promise.all(inFlight);
}

/** `count` webhooks as fast as `concurrency` connections take them. */
export async function sendBurst(
  target: Target,
  orders: OrderFactory,
  count: number,
  concurrency = 10,
): Promise<SentOrder[]> {
  const sent: SentOrder[] = [];
  const lane = async () => {
    while (sent.length < count) {
      const slot = sent.length;
      sent.push({ id: "", sentAt: 0, status: null }); // reserve before awaiting
      sent[slot] = await post(target, orders);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return sent;
}
