import type { OrderFactory } from "./orders";
import type { Figure } from "./report";
import { sendAtRate, type SentOrder } from "./send-orders";
import { percentile, round, waitUntil } from "./stats";

/**
 * Order → document: webhooks at a steady rate, then the time from each delivery
 * leaving the load generator to its concept's `created_at` in the database (same
 * machine, same clock). Orders still without a document after the drain window
 * count as never converted (infinitely slow), so they show in p99.
 */
export interface LatencyProbe {
  /** How many of the merchant's documents exist now. */
  countDocuments(): Promise<number>;
  /** Shopify order id → document created_at (ms); read when the database is reachable. */
  documentTimes(): Promise<Map<string, number>>;
}

export async function sendOrdersAndWait(
  target: { url: string; shop: string; secret: string },
  orders: OrderFactory,
  settings: { rate: number; durationS: number; drainS: number },
  probe: Pick<LatencyProbe, "countDocuments">,
): Promise<SentOrder[]> {
  const sent = await sendAtRate(target, orders, settings.rate, settings.durationS);
  const accepted = sent.filter((s) => s.status === 200).length;
  await waitUntil(
    async () => (await probe.countDocuments()) >= accepted,
    settings.drainS * 1000,
    1000,
  );
  return sent;
}

export function latencyFigures(
  engine: Figure["engine"],
  sent: SentOrder[],
  created: Map<string, number>,
  settings: { rate: number; durationS: number; drainS: number },
): Figure[] {
  const measure = "order → document";
  const latencies = sent.map((s) => {
    const at = created.get(s.id);
    return at === undefined ? Infinity : at - s.sentAt;
  });
  const done = latencies.filter(Number.isFinite).length;
  const firstSent = Math.min(...sent.map((s) => s.sentAt));
  const lastCreated = Math.max(...[...created.values()]);
  const unanswered = sent.filter((s) => s.status === null).length;
  const refused = sent.filter((s) => s.status !== null && s.status !== 200).length;
  const problems = [
    unanswered ? `${unanswered} webhooks unanswered (connection error)` : "",
    refused ? `${refused} answered non-200` : "",
  ].filter(Boolean);
  const load = `${settings.rate}/s for ${settings.durationS} s`;
  const missing = sent.length - done;
  return [
    { engine, measure, name: `p50 (${load})`, value: round(percentile(latencies, 50)), unit: "ms" },
    {
      engine,
      measure,
      name: `p99 (${load})`,
      value: round(percentile(latencies, 99)),
      unit: "ms",
      target: { op: "<", value: 3000 },
      ...(missing > 0
        ? {
            note: `${missing} of ${sent.length} had no document ${settings.drainS} s after the last`,
          }
        : {}),
    },
    {
      engine,
      measure,
      name: "documents created per second",
      value: done > 0 ? round((done / (lastCreated - firstSent)) * 1000, 2) : 0,
      unit: "/s",
      note: [`${done} of ${sent.length} orders converted`, ...problems].join(", "),
    },
  ];
}
