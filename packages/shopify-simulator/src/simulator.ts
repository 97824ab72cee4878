import type { SimulatorConfig } from "./config";
import { loadOrderFixture } from "./fixtures";
import { HttpError } from "@facturo/stand-in-http";
import { type ComplianceKind, markInstalled, sendCompliance, uninstall } from "./installation";
import { getScalarString, getString, type JsonObject } from "./json";
import {
  type ActionResult,
  cancelOrder,
  fulfilOrder,
  payOrder,
  placeOrder,
  type PlaceOrderOptions,
  refundOrder,
} from "./order-actions";
import type { RefundRequest } from "./refund-builder";
import {
  createState,
  type Delivery,
  getOrCreateShop,
  isShopDomain,
  resetState,
  type ShopState,
  type SimulatorState,
} from "./state";
import { type DeliveryOptions, type Dispatch, WebhookSender } from "./webhook-sender";

/**
 * The simulated Shopify as one object: state, configuration, the webhook sender and the
 * operations that both the control API and the shop admin pages perform.
 */

export interface ActionOutcome {
  order: JsonObject;
  refund?: JsonObject;
  deliveryIds: string[];
}

export type OrderAction = "pay" | "fulfil" | "refund" | "cancel";

export class Simulator {
  readonly state: SimulatorState = createState();
  readonly sender: WebhookSender;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(readonly config: SimulatorConfig) {
    this.sender = new WebhookSender(this.state, config);
  }

  /** The shop for a domain, created on first use; invalid domains are a 404. */
  shop(domain: string): ShopState {
    if (!isShopDomain(domain)) {
      throw new HttpError(404, `"${domain}" is not a shop domain (expected handle.myshopify.com)`);
    }
    return getOrCreateShop(this.state, domain, this.config);
  }

  install(shop: ShopState, scopes: string[]): void {
    markInstalled(this.config, shop, scopes);
  }

  /** Sends the dispatch and, unless told otherwise, waits for the first attempts. */
  private async finish(dispatch: Dispatch, options: DeliveryOptions): Promise<string[]> {
    const wait = options.wait ?? !options.delayMs;
    if (wait) await dispatch.firstAttempts;
    else dispatch.firstAttempts.catch((error: unknown) => this.config.log(String(error)));
    return dispatch.deliveries.map((d) => d.id);
  }

  private async send(shop: ShopState, result: ActionResult, options: DeliveryOptions) {
    const deliveryIds = await this.finish(
      this.sender.dispatch(shop, result.events, options),
      options,
    );
    return {
      order: result.order,
      ...(result.refund ? { refund: result.refund } : {}),
      deliveryIds,
    };
  }

  async placeOrder(
    shop: ShopState,
    source: { order: JsonObject } | { fixture: string },
    options: PlaceOrderOptions = {},
    deliver: DeliveryOptions = {},
  ): Promise<ActionOutcome> {
    const payload =
      "order" in source
        ? source.order
        : await loadOrderFixture(this.config.fixturesDir, source.fixture);
    const result = placeOrder(this.state, this.config, shop, payload, options);
    this.config.log(
      `${shop.domain}: order ${getString(result.order, "name") ?? "?"} (${getScalarString(result.order, "id") ?? "?"}) placed`,
    );
    return this.send(shop, result, deliver);
  }

  /**
   * Places `count` orders cycling through the fixtures, without webhooks: a shop's
   * existing history (for import and load tests), as if placed before the install.
   */
  async placeOrders(
    shop: ShopState,
    fixtures: readonly string[],
    count: number,
  ): Promise<{ placed: number; firstName: string | null; lastName: string | null }> {
    const payloads = await Promise.all(
      fixtures.map((name) => loadOrderFixture(this.config.fixturesDir, name)),
    );
    const names: (string | null)[] = [];
    for (let i = 0; i < count; i++) {
      const payload = payloads[i % payloads.length] ?? {};
      names.push(getString(placeOrder(this.state, this.config, shop, payload).order, "name"));
    }
    this.config.log(`${shop.domain}: ${count} orders placed in bulk`);
    return { placed: count, firstName: names[0] ?? null, lastName: names.at(-1) ?? null };
  }

  async orderAction(
    shop: ShopState,
    orderId: string,
    action: OrderAction,
    options: { refund?: RefundRequest; reason?: string } = {},
    deliver: DeliveryOptions = {},
  ): Promise<ActionOutcome> {
    const result =
      action === "pay"
        ? payOrder(this.config, shop, orderId)
        : action === "fulfil"
          ? fulfilOrder(this.state, this.config, shop, orderId)
          : action === "cancel"
            ? cancelOrder(this.config, shop, orderId, options.reason)
            : refundOrder(this.state, this.config, shop, orderId, options.refund ?? {});
    return this.send(shop, result, deliver);
  }

  async uninstall(
    shop: ShopState,
    options: { shopRedactAfterMs?: number } = {},
    deliver: DeliveryOptions = {},
  ): Promise<{ deliveryIds: string[] }> {
    const dispatch = uninstall(this.state, this.config, this.sender, shop, deliver);
    if (options.shopRedactAfterMs !== undefined) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (shop.installed) return; // reinstalled in the meantime: Shopify would not redact
        sendCompliance(this.config, this.sender, shop, "shop-redact").firstAttempts.catch(
          (error: unknown) => this.config.log(String(error)),
        );
      }, options.shopRedactAfterMs);
      this.timers.add(timer);
    }
    return { deliveryIds: await this.finish(dispatch, deliver) };
  }

  async compliance(
    shop: ShopState,
    kind: ComplianceKind,
    overrides: JsonObject,
    deliver: DeliveryOptions = {},
  ): Promise<{ deliveryIds: string[]; payload: JsonObject }> {
    const dispatch = sendCompliance(this.config, this.sender, shop, kind, overrides, deliver);
    const payload = JSON.parse(dispatch.deliveries[0]?.body ?? "{}") as JsonObject;
    return { deliveryIds: await this.finish(dispatch, deliver), payload };
  }

  async redeliver(shop: ShopState, deliveryId: string): Promise<Delivery> {
    const original = shop.deliveries.find((d) => d.id === deliveryId);
    if (!original) throw new HttpError(404, `Delivery ${deliveryId} not found in ${shop.domain}`);
    const dispatch = this.sender.redeliver(shop, original);
    await dispatch.firstAttempts;
    return dispatch.deliveries[0] ?? original;
  }

  /** Forget every shop, token and delivery; pending retries and timers are cancelled. */
  reset(): void {
    this.stopTimers();
    resetState(this.state);
  }

  stopTimers(): void {
    this.sender.stop();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
