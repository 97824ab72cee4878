import type { OrderFactory } from "./orders";
import type { Figure } from "./report";
import { sendBurst } from "./send-orders";
import { round, waitUntil } from "./stats";

/**
 * "Send automatically by email" at full stretch: a burst of orders, each of which
 * becomes a numbered document, a PDF and an email in the outbox. Sustained rate =
 * emails in the outbox / time from the first webhook to the last email.
 */
export interface OutboxProbe {
  /** Emails of the merchant in the outbox, with their created_at (ms). */
  emailTimes(): Promise<number[]>;
}

export async function measureAutoSend(
  target: { url: string; shop: string; secret: string },
  orders: OrderFactory,
  settings: { orders: number; drainS: number },
  probe: OutboxProbe,
  engine: Figure["engine"],
): Promise<Figure[]> {
  const sent = await sendBurst(target, orders, settings.orders);
  const firstSent = Math.min(...sent.map((s) => s.sentAt));
  const accepted = sent.filter((s) => s.status === 200).length;
  await waitUntil(
    async () => (await probe.emailTimes()).length >= accepted,
    settings.drainS * 1000,
    1000,
  );
  const times = await probe.emailTimes();
  const last = Math.max(...times);
  const rate = times.length > 0 ? (times.length / (last - firstSent)) * 1000 : 0;
  return [
    {
      engine,
      measure: "auto-send",
      name: "documents + PDF + email per second",
      value: round(rate, 2),
      unit: "/s",
      target: { op: ">=", value: 30 },
      note: `${times.length} of ${sent.length} orders emailed within ${settings.drainS} s of the burst`,
    },
  ];
}
