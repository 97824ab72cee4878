import type { SimulatorConfig } from "./config";
import { uuid } from "./ids";
import type { JsonObject } from "./json";
import { webhookHmac } from "./sign";
import {
  type Delivery,
  type DeliveryAttempt,
  type ShopState,
  type SimulatorState,
  type Subscription,
} from "./state";
import { topicToEnum } from "./webhook-topics";

/**
 * Sends webhooks the way Shopify does (docs/shopify.md §2.4–2.6): signed POSTs of the REST
 * payload, one delivery per subscription, a 5 s deadline, and retries of the SAME bytes and
 * headers (same X-Shopify-Webhook-Id) after a failure. Every attempt is recorded.
 */

export interface DeliveryOptions {
  /** Send every delivery a second time with the same webhook id (a duplicate). */
  twice?: boolean;
  /** Send this action's topics in reverse order (e.g. orders/paid before orders/create). */
  reversed?: boolean;
  /** Wait this long before the first attempt. */
  delayMs?: number;
  /**
   * Whether the control call waits for the first attempt of every delivery before it
   * answers. Default: yes, unless `delayMs` is set.
   */
  wait?: boolean;
}

export interface WebhookEvent {
  topic: string;
  payload: JsonObject;
}

export interface Dispatch {
  deliveries: Delivery[];
  /** Settles when every delivery has had its first attempt (retries continue afterwards). */
  firstAttempts: Promise<void>;
}

const RESPONSE_BODY_LIMIT = 64 * 1024;

export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private controller = new AbortController();

  constructor(
    private readonly state: SimulatorState,
    private readonly config: SimulatorConfig,
  ) {}

  /** Deliveries of an action's events to the shop's subscriptions, in the action's order. */
  dispatch(shop: ShopState, events: WebhookEvent[], options: DeliveryOptions = {}): Dispatch {
    const ordered = options.reversed ? [...events].reverse() : events;
    const deliveries: Delivery[] = [];
    for (const event of ordered) {
      // The addresses are those configured when the event fired, even if they change later.
      const subscriptions = shop.subscriptions.filter((s) => s.topic === topicToEnum(event.topic));
      const eventId = uuid();
      const triggeredAt = this.config.now().toISOString();
      for (const subscription of subscriptions) {
        deliveries.push(
          ...this.createDeliveries(shop, event, {
            eventId,
            triggeredAt,
            subscription,
            uri: subscription.uri,
            apiVersion: subscription.apiVersion,
            twice: options.twice === true,
          }),
        );
      }
    }
    return { deliveries, firstAttempts: this.sendInOrder(deliveries, options.delayMs ?? 0) };
  }

  /** A delivery to a fixed address (compliance topics: Partner dashboard configuration). */
  dispatchToUri(
    shop: ShopState,
    event: WebhookEvent,
    uri: string,
    options: DeliveryOptions = {},
  ): Dispatch {
    const deliveries = this.createDeliveries(shop, event, {
      eventId: uuid(),
      triggeredAt: this.config.now().toISOString(),
      subscription: null,
      uri,
      apiVersion: this.config.defaultApiVersion,
      twice: options.twice === true,
    });
    return { deliveries, firstAttempts: this.sendInOrder(deliveries, options.delayMs ?? 0) };
  }

  /** Sends a recorded delivery again: same webhook id, event id, body and headers. */
  redeliver(shop: ShopState, original: Delivery): Dispatch {
    const copy = this.copyDelivery(shop, original);
    return { deliveries: [copy], firstAttempts: this.sendInOrder([copy], 0) };
  }

  /** Stops all timers and aborts requests in flight (close, reset). */
  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.controller.abort();
    this.controller = new AbortController();
  }

  private createDeliveries(
    shop: ShopState,
    event: WebhookEvent,
    target: {
      eventId: string;
      triggeredAt: string;
      subscription: Subscription | null;
      uri: string;
      apiVersion: string;
      twice: boolean;
    },
  ): Delivery[] {
    const payload = target.subscription?.includeFields.length
      ? pickFields(event.payload, target.subscription.includeFields)
      : event.payload;
    const body = JSON.stringify(payload);
    const webhookId = uuid();
    const headers: Record<string, string> = {
      "Content-Type": "application/json",
      "User-Agent": "Shopify-Captain-Hook",
      "X-Shopify-Topic": event.topic,
      "X-Shopify-Hmac-Sha256": webhookHmac(body, this.config.clientSecret),
      "X-Shopify-Shop-Domain": shop.domain,
      "X-Shopify-API-Version": target.apiVersion,
      "X-Shopify-Webhook-Id": webhookId,
      "X-Shopify-Event-Id": target.eventId,
      "X-Shopify-Triggered-At": target.triggeredAt,
    };
    const delivery: Delivery = {
      id: `dlv_${this.state.nextDeliveryId++}`,
      shop: shop.domain,
      topic: event.topic,
      uri: target.uri,
      subscriptionId: target.subscription?.id ?? null,
      webhookId,
      eventId: target.eventId,
      apiVersion: target.apiVersion,
      triggeredAt: target.triggeredAt,
      body,
      headers,
      createdAt: this.config.now().toISOString(),
      status: "scheduled",
      attempts: [],
      nextAttemptAt: null,
      repeatOf: null,
    };
    shop.deliveries.push(delivery);
    return target.twice ? [delivery, this.copyDelivery(shop, delivery)] : [delivery];
  }

  private copyDelivery(shop: ShopState, original: Delivery): Delivery {
    const copy: Delivery = {
      ...original,
      id: `dlv_${this.state.nextDeliveryId++}`,
      headers: { ...original.headers },
      createdAt: this.config.now().toISOString(),
      status: "scheduled",
      attempts: [],
      nextAttemptAt: null,
      repeatOf: original.id,
    };
    shop.deliveries.push(copy);
    return copy;
  }

  private async sendInOrder(deliveries: Delivery[], delayMs: number): Promise<void> {
    if (delayMs > 0) await this.sleep(delayMs);
    for (const delivery of deliveries) {
      if (this.controller.signal.aborted) return;
      await this.attempt(delivery);
    }
  }

  private sleep(ms: number): Promise<void> {
    const signal = this.controller.signal;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
      signal.addEventListener("abort", () => resolve(), { once: true });
    });
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const number = delivery.attempts.length + 1;
    const started = Date.now();
    const startedAt = this.config.now().toISOString();
    delivery.status = "sending";
    delivery.nextAttemptAt = null;
    let statusCode: number | null = null;
    let error: string | null = null;
    const stopSignal = this.controller.signal;
    // A timer we hold and clear ourselves: an AbortSignal.timeout() that only
    // AbortSignal.any() refers to can be garbage-collected before it fires, and then a
    // stalled receiver counts as delivered (seen once under load in CI).
    const deadline = new AbortController();
    const deadlineTimer = setTimeout(
      () => deadline.abort(timeoutError()),
      this.config.webhookTimeoutMs,
    );
    try {
      const response = await fetch(delivery.uri, {
        method: "POST",
        headers: delivery.headers,
        body: delivery.body,
        redirect: "manual",
        signal: AbortSignal.any([stopSignal, deadline.signal]),
      });
      statusCode = response.status;
      // The answer counts only once it is complete, within the same deadline.
      await readLimited(response);
      if (statusCode < 200 || statusCode > 299) error = `HTTP ${statusCode}`;
    } catch (caught) {
      error = describeFetchError(caught, this.config.webhookTimeoutMs);
      if (stopSignal.aborted) error = "simulator stopped";
    } finally {
      clearTimeout(deadlineTimer);
    }
    const ok = error === null;
    const attempt: DeliveryAttempt = {
      number,
      startedAt,
      durationMs: Date.now() - started,
      statusCode,
      error,
      ok,
    };
    delivery.attempts.push(attempt);
    this.config.log(
      `webhook ${delivery.topic} → ${delivery.uri} attempt ${number}: ${ok ? statusCode : error}`,
    );
    if (ok) {
      delivery.status = "delivered";
      return;
    }
    const retriesDone = number - 1;
    if (stopSignal.aborted || retriesDone >= this.config.retries) {
      delivery.status = "failed";
      return;
    }
    const delays = this.config.retryDelaysMs;
    const delay = delays[retriesDone] ?? delays[delays.length - 1] ?? 1000;
    delivery.status = "retrying";
    delivery.nextAttemptAt = new Date(this.config.now().getTime() + delay).toISOString();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(delivery);
    }, delay);
    this.timers.add(timer);
  }
}

async function readLimited(response: Response): Promise<void> {
  const reader = response.body?.getReader();
  if (!reader) return;
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    size += value.length;
    if (size > RESPONSE_BODY_LIMIT) {
      await reader.cancel();
      return;
    }
  }
}

function timeoutError(): Error {
  const error = new Error("The operation timed out");
  error.name = "TimeoutError";
  return error;
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return `timeout after ${timeoutMs} ms`;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error) return `${error.message}: ${cause.message}`;
    return error.message;
  }
  return String(error);
}

/** `includeFields`: keep only the listed top-level keys (dotted paths keep their root). */
function pickFields(payload: JsonObject, fields: string[]): JsonObject {
  const roots = new Set(fields.map((field) => field.split(".")[0] ?? field));
  const picked: JsonObject = {};
  for (const [key, value] of Object.entries(payload)) {
    if (roots.has(key)) picked[key] = value;
  }
  return picked;
}
