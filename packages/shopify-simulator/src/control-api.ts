import { signedAppUrl } from "./app-url";
import { z } from "zod";
import { readOrderFixtures } from "./fixtures";
import { HttpError } from "@facturo/stand-in-http";
import { COMPLIANCE_TOPIC_BY_KIND, type ComplianceKind } from "./installation";
import { getObjects, getScalarString, getString, type JsonObject } from "./json";
import type { OrderAction, Simulator } from "./simulator";
import type { Delivery, ShopState } from "./state";
import { expireShopAccessTokens } from "./tokens";

/**
 * `/control/…`: a JSON API for tests and scripts to drive the simulated shops (place
 * orders, pay, refund, uninstall, …) and to inspect what happened (deliveries, tokens).
 * Not part of Shopify's protocol.
 */

const deliverySchema = z
  .object({
    twice: z.boolean().optional(),
    reversed: z.boolean().optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
    wait: z.boolean().optional(),
  })
  .optional();

const jsonObject = z.record(z.string(), z.unknown()).transform((value) => value as JsonObject);

const placeOrderSchema = z
  .object({
    order: jsonObject.optional(),
    fixture: z.string().min(1).optional(),
    keepIds: z.boolean().optional(),
    keepDates: z.boolean().optional(),
    deliver: deliverySchema,
  })
  .refine((body) => (body.order === undefined) !== (body.fixture === undefined), {
    message: "Give exactly one of `order` (a REST order) or `fixture` (a file name)",
  });

const bulkOrdersSchema = z.object({
  fixtures: z.array(z.string().min(1)).min(1),
  count: z.number().int().min(1).max(100_000),
});

const refundSchema = z.object({
  refund: jsonObject.optional(),
  lineItems: z
    .array(
      z.object({
        lineItemId: z.union([z.number().int(), z.string().min(1)]),
        quantity: z.number().int().min(1),
        restockType: z.enum(["no_restock", "cancel", "return", "legacy_restock"]).optional(),
      }),
    )
    .optional(),
  shipping: z.boolean().optional(),
  amount: z
    .string()
    .regex(/^\d+(\.\d{1,2})?$/, 'amount is a decimal string like "12.50"')
    .optional(),
  note: z.string().optional(),
  deliver: deliverySchema,
});

const actionSchema = z.object({ reason: z.string().optional(), deliver: deliverySchema });

const uninstallSchema = z.object({
  shopRedactAfterMs: z.number().int().min(0).optional(),
  deliver: deliverySchema,
});

const complianceSchema = z
  .object({ deliver: deliverySchema })
  .catchall(z.unknown())
  .transform(({ deliver, ...payload }) => ({ deliver, payload: payload as JsonObject }));

const shopUpdateSchema = z.object({
  name: z.string().min(1).optional(),
  email: z.string().min(3).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

const faultsSchema = z.object({
  faults: z.array(
    z.union([
      z.object({ type: z.literal("throttled") }),
      z.object({ type: z.literal("http"), status: z.number().int().min(400).max(599) }),
    ]),
  ),
});

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success) throw new HttpError(400, z.prettifyError(result.error));
  return result.data;
}

export function deliveryJson(delivery: Delivery, withBody: boolean): JsonObject {
  const { body, headers, ...rest } = delivery;
  return {
    ...(rest as unknown as JsonObject),
    attemptCount: delivery.attempts.length,
    lastStatusCode: delivery.attempts.at(-1)?.statusCode ?? null,
    ...(withBody ? { headers, body } : {}),
  };
}

export function shopJson(simulator: Simulator, shop: ShopState): JsonObject {
  const tokens = [...simulator.state.accessTokens.values()].filter((t) => t.shop === shop.domain);
  return {
    domain: shop.domain,
    id: shop.id,
    name: shop.name,
    email: shop.email,
    currency: shop.currency,
    installed: shop.installed,
    scopes: shop.scopes,
    installedAt: shop.installedAt,
    uninstalledAt: shop.uninstalledAt,
    tokenExchangeCount: shop.tokenExchangeCount,
    refreshCount: shop.refreshCount,
    graphqlRequestCount: shop.graphqlRequestCount,
    accessTokens: tokens.map((t) => ({
      token: t.token,
      online: t.online,
      expiresAt: t.expiresAtMs === null ? null : new Date(t.expiresAtMs).toISOString(),
      revoked: t.revoked,
      lastUsedAt: t.lastUsedAtMs === null ? null : new Date(t.lastUsedAtMs).toISOString(),
    })),
    subscriptions: shop.subscriptions.map((s) => ({
      id: `gid://shopify/WebhookSubscription/${s.id}`,
      topic: s.topic,
      uri: s.uri,
      apiVersion: s.apiVersion,
      createdAt: s.createdAt,
    })),
    orders: shop.orders.map((order) => ({
      id: order.id ?? null,
      adminGraphqlApiId: getString(order, "admin_graphql_api_id"),
      name: getString(order, "name"),
      financialStatus: getString(order, "financial_status"),
      fulfillmentStatus: getString(order, "fulfillment_status"),
      cancelledAt: getString(order, "cancelled_at"),
      totalPrice: getScalarString(order, "total_price"),
      currency: getString(order, "currency"),
      refunds: getObjects(order, "refunds").length,
      createdAt: getString(order, "created_at"),
      updatedAt: getString(order, "updated_at"),
    })),
    deliveries: shop.deliveries.map((d) => deliveryJson(d, false)),
  };
}

const ORDER_ACTIONS: Record<string, OrderAction> = {
  pay: "pay",
  fulfil: "fulfil",
  fulfill: "fulfil",
  refund: "refund",
  cancel: "cancel",
};

export interface ControlResponse {
  status: number;
  body: unknown;
}

/** Routes `/control/...`; null when no route matches. */
export async function handleControl(
  simulator: Simulator,
  method: string,
  pathname: string,
  readJson: () => Promise<unknown>,
): Promise<ControlResponse | null> {
  const ok = (body: unknown, status = 200): ControlResponse => ({ status, body });
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent).slice(1);

  if (parts.length === 1 && parts[0] === "health" && method === "GET") return ok({ ok: true });
  if (parts.length === 1 && parts[0] === "reset" && method === "POST") {
    simulator.reset();
    return ok({ ok: true });
  }
  if (parts.length === 1 && parts[0] === "fixtures" && method === "GET") {
    const { names, problem } = await readOrderFixtures(simulator.config.fixturesDir);
    return ok({ fixtures: names, problem });
  }
  if (parts.length === 1 && parts[0] === "shops" && method === "GET") {
    return ok({ shops: [...simulator.state.shops.values()].map((s) => shopJson(simulator, s)) });
  }
  if (parts[0] !== "shops" || parts.length < 2) return null;

  const shop = simulator.shop(parts[1] ?? "");
  const rest = parts.slice(2);
  const route = `${method} ${rest.join("/")}`;

  switch (route) {
    case "GET ":
      return ok(shopJson(simulator, shop));
    case "POST ": {
      const body = parse(shopUpdateSchema, await readJson());
      Object.assign(shop, body);
      return ok(shopJson(simulator, shop));
    }
    case "GET app-url":
      return ok({ url: signedAppUrl(simulator.config, shop) });
    case "GET deliveries":
      return ok({ deliveries: shop.deliveries.map((d) => deliveryJson(d, true)) });
    case "POST orders": {
      const body = parse(placeOrderSchema, await readJson());
      const source = body.order ? { order: body.order } : { fixture: body.fixture ?? "" };
      const outcome = await simulator.placeOrder(
        shop,
        source,
        { keepIds: body.keepIds, keepDates: body.keepDates },
        body.deliver,
      );
      return ok(outcome, 201);
    }
    case "POST orders/bulk": {
      const body = parse(bulkOrdersSchema, await readJson());
      return ok(await simulator.placeOrders(shop, body.fixtures, body.count), 201);
    }
    case "POST uninstall": {
      const body = parse(uninstallSchema, await readJson());
      return ok(
        await simulator.uninstall(
          shop,
          { shopRedactAfterMs: body.shopRedactAfterMs },
          body.deliver,
        ),
      );
    }
    case "POST expire-tokens":
      return ok({
        expired: expireShopAccessTokens(simulator.state, simulator.config, shop.domain),
      });
    case "POST graphql-faults": {
      const body = parse(faultsSchema, await readJson());
      shop.graphqlFaults.push(...body.faults);
      return ok({ pending: shop.graphqlFaults.length });
    }
    default:
      break;
  }

  // POST orders/{id}/{action}
  if (method === "POST" && rest.length === 3 && rest[0] === "orders") {
    const action = ORDER_ACTIONS[rest[2] ?? ""];
    if (!action) return null;
    const orderId = rest[1] ?? "";
    if (action === "refund") {
      const { deliver, ...refund } = parse(refundSchema, await readJson());
      return ok(await simulator.orderAction(shop, orderId, "refund", { refund }, deliver));
    }
    const body = parse(actionSchema, await readJson());
    return ok(
      await simulator.orderAction(shop, orderId, action, { reason: body.reason }, body.deliver),
    );
  }
  // POST compliance/{kind}
  if (method === "POST" && rest.length === 2 && rest[0] === "compliance") {
    const kind = rest[1] ?? "";
    if (!(kind in COMPLIANCE_TOPIC_BY_KIND)) {
      throw new HttpError(
        404,
        `Unknown compliance webhook "${kind}" (use ${Object.keys(COMPLIANCE_TOPIC_BY_KIND).join(", ")})`,
      );
    }
    const body = parse(complianceSchema, await readJson());
    return ok(await simulator.compliance(shop, kind as ComplianceKind, body.payload, body.deliver));
  }
  // POST webhooks/{deliveryId}/redeliver
  if (method === "POST" && rest.length === 3 && rest[0] === "webhooks" && rest[2] === "redeliver") {
    const delivery = await simulator.redeliver(shop, rest[1] ?? "");
    return ok({ delivery: deliveryJson(delivery, false) });
  }
  return null;
}
