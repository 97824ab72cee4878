import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { SHOPIFY_ORDER_FIXTURES } from "@/test/fixtures";

/**
 * Real order payloads (test/fixtures/shopify) turned into as many distinct orders as
 * a measurement needs: each gets its own id, name and buyer email, so every
 * delivery is a new order and a new customer, as in a live shop.
 */
export const FIXTURES_DIR = SHOPIFY_ORDER_FIXTURES;
export const WORKLOAD_FIXTURES = ["eu-be-b2c-21-paid-fr.json", "eu-be-mixed-6-21-unpaid-nl.json"];

const ID_SLOT = "4242424242424242";
const EMAIL_SLOT = `buyer-${ID_SLOT}@example.be`;

interface Template {
  text: string;
}

function loadTemplate(fixture: string): Template {
  const order = JSON.parse(readFileSync(path.join(FIXTURES_DIR, fixture), "utf8")) as Record<
    string,
    unknown
  >;
  const email = typeof order.email === "string" ? order.email : null;
  let text = JSON.stringify({
    ...order,
    id: Number(ID_SLOT),
    admin_graphql_api_id: `gid://shopify/Order/${ID_SLOT}`,
    name: `#${ID_SLOT}`,
  });
  if (email) text = text.replaceAll(JSON.stringify(email), JSON.stringify(EMAIL_SLOT));
  return { text };
}

/** Hands out fresh orders, alternating between the workload fixtures. */
export class OrderFactory {
  private readonly templates = WORKLOAD_FIXTURES.map(loadTemplate);
  private next: number;

  constructor(firstId: number) {
    this.next = firstId;
  }

  create(): { id: string; body: string } {
    const id = String(this.next++);
    const template = this.templates[Number(id) % this.templates.length] as Template;
    return { id, body: template.text.replaceAll(ID_SLOT, id) };
  }
}

/** The headers Shopify sends with a webhook; the HMAC covers the exact body bytes. */
export function webhookHeaders(
  body: string,
  shop: string,
  secret: string,
  topic = "orders/create",
) {
  return {
    "content-type": "application/json",
    "x-shopify-topic": topic,
    "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body, "utf8").digest("base64"),
    "x-shopify-shop-domain": shop,
    "x-shopify-api-version": "2026-07",
    "x-shopify-webhook-id": randomUUID(),
    "x-shopify-event-id": randomUUID(),
    "x-shopify-triggered-at": new Date().toISOString(),
  };
}
