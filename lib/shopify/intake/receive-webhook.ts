import type { Db } from "@/db";
import { orderKnownForAnotherShop, recordDelivery } from "@/db/queries/shopify-deliveries";
import { findConnectionForShop } from "@/db/queries/shopify-connections";
import type { ShopifyDeliveryStatus } from "@/db/schema";
import type { AppConfig } from "@/lib/config/env";
import { getShopifyApp, isShopifyConfigured } from "../platform/shopify-app";
import { PRIVACY_TOPICS } from "./webhook-topics";
import { checkBodyAgainstTopic, checkTriggeredAt } from "./delivery-consistency";
import { BodyTooLargeError, MAX_WEBHOOK_BODY_BYTES, readLimitedBody } from "./read-limited-body";

const MAX_HEADER_LENGTH = 255;

export interface ReceiveDeps {
  db: Db;
  config: AppConfig;
  /** Queues the processing of a stored delivery (the worker does the work). */
  enqueueDelivery(delivery: { organisationId: string; deliveryId: string }): Promise<unknown>;
  maxBodyBytes?: number;
  now?: () => Date;
}

export interface ReceiveResult {
  status: 200 | 400 | 401 | 413 | 503;
  /** A short machine-readable reason, logged and returned as JSON. */
  reason: string;
  deliveryId?: string;
}

/**
 * The webhook intake, in Shopify's 5-second budget: verify the signature on the
 * raw body, store the delivery once (unique webhook id), queue its processing,
 * answer. Nothing is stored for a bad signature. A verified delivery is always
 * stored, even when it cannot be used (unknown shop, unparseable JSON), so that
 * Shopify stops retrying and someone can still see what arrived. A signed body whose
 * headers it does not fit (another shop's, another topic's, or triggered outside
 * Shopify's retry window: ./delivery-consistency.ts) is refused with 400 and nothing
 * is stored or processed.
 */
export async function receiveWebhook(deps: ReceiveDeps, request: Request): Promise<ReceiveResult> {
  if (!isShopifyConfigured(deps.config)) return { status: 503, reason: "shopify_not_configured" };
  let rawBody: string;
  try {
    rawBody = await readLimitedBody(request, deps.maxBodyBytes ?? MAX_WEBHOOK_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { status: 413, reason: "body_too_large" };
    throw error;
  }

  const check = await getShopifyApp(deps.config).webhooks.validate({
    rawBody,
    rawRequest: request,
  });
  if (!check.valid) {
    const unsigned = check.reason === "invalid_hmac" || check.reason === "missing_hmac";
    return { status: unsigned ? 401 : 400, reason: check.reason };
  }

  // Shopify's ids are UUIDs and shops short host names; longer ones (signed, but not
  // Shopify's) could not even be indexed, and would fail the insert with a 500.
  if (check.webhookId.length > MAX_HEADER_LENGTH || check.domain.length > MAX_HEADER_LENGTH)
    return { status: 400, reason: "invalid_headers" };

  const topic = (request.headers.get("x-shopify-topic") ?? "").toLowerCase();
  const shop = check.domain.toLowerCase();
  const triggeredAt = "triggeredAt" in check ? check.triggeredAt : undefined;
  const late = checkTriggeredAt(triggeredAt, deps.now?.() ?? new Date());
  if (late) return { status: 400, reason: late };
  const payload = parseJson(rawBody);
  if (payload !== undefined) {
    const body = checkBodyAgainstTopic(topic, shop, payload);
    if (!body.ok) return { status: 400, reason: body.problem };
    if (body.orderId && (await orderKnownForAnotherShop(deps.db, body.orderId, shop)))
      return { status: 400, reason: "body_of_another_shop" };
  }
  const connection = await findConnectionForShop(deps.db, shop);
  const isPrivacy = (PRIVACY_TOPICS as readonly string[]).includes(topic);

  let status: ShopifyDeliveryStatus = "received";
  let outcome: string | null = null;
  if (!connection) [status, outcome] = ["ignored", "unknown_shop"];
  else if (payload === undefined) [status, outcome] = ["failed", "unparseable"];
  else if (connection.status !== "connected" && !isPrivacy)
    [status, outcome] = ["ignored", "shop_disconnected"];

  const stored = await recordDelivery(deps.db, {
    organisationId: connection?.organisationId ?? null,
    shop,
    topic,
    webhookId: check.webhookId,
    eventId: "eventId" in check ? (check.eventId ?? null) : null,
    apiVersion: check.apiVersion,
    triggeredAt: parseDate(triggeredAt),
    rawBody,
    resourceId: resourceIdOf(payload),
    status,
    outcome,
  });
  // A repeat of a delivery that is still waiting is queued again: if the first
  // enqueue was lost, Shopify's retry is what recovers it. Processing is idempotent.
  if (stored.status === "received" && stored.organisationId) {
    await deps.enqueueDelivery({ organisationId: stored.organisationId, deliveryId: stored.id });
  }
  return {
    status: 200,
    reason: stored.firstTime ? (outcome ?? "accepted") : "duplicate",
    deliveryId: stored.id,
  };
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function parseDate(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The payload's own id, read from its GraphQL id string: JSON numbers above 2^53
 * (Shopify's sample payloads have them) lose digits in JSON.parse.
 */
function resourceIdOf(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null) return null;
  const gid = (payload as { admin_graphql_api_id?: unknown }).admin_graphql_api_id;
  if (typeof gid === "string") return gid.split("/").pop() ?? null;
  const id = (payload as { id?: unknown }).id;
  return typeof id === "number" || typeof id === "string" ? String(id) : null;
}
