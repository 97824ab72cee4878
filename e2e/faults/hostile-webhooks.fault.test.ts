import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "./support/checks";
import { isRunning } from "./support/processes";
import { seedMerchant, type Merchant } from "./support/seed";
import { APP_URL, FAULTS_SHOPIFY, startStack, type Stack } from "./support/stack";
import { recordFaults } from "./support/tally";
import { makeOrder, post, signedHeaders, type Delivery } from "./support/webhooks";

/**
 * What an attacker (or a broken sender) can put on the webhook route. Every case
 * ends in a clear 4xx, or in a 2xx with the delivery recorded and visible as
 * ignored or failed in the sync inbox; never a 5xx, never a dead process.
 */
let stack: Stack;
let merchant: Merchant;

beforeAll(async () => {
  stack = await startStack("hostile_webhooks", { workers: 1 });
  merchant = await seedMerchant(stack.handle.db);
});

afterAll(async () => {
  await stack?.stopAll();
});

/** Where the delivery must end: refused with this status, or stored with this status. */
type Expected =
  { refused: number } | { stored: "failed" | "ignored" | "processed"; outcome?: string };

interface Case {
  name: string;
  send: () => Promise<{ status: number; webhookId: string }>;
  expected: Expected;
}

const order = () => makeOrder(Math.floor(Math.random() * 1e9));
const signed = (d: Delivery) => post(d).then((status) => ({ status, webhookId: d.webhookId }));
const ordersCreate = (body: string, extra: Partial<Delivery> = {}): Delivery => ({
  topic: "orders/create",
  shop: merchant.shop,
  body,
  webhookId: randomUUID(),
  ...extra,
});

function nested(depth: number): string {
  return `{"id":1,"line_items":[],"note_attributes":${"[".repeat(depth)}${"]".repeat(depth)}}`;
}

const cases: Case[] = [
  {
    name: "no HMAC header",
    send: () =>
      signed(ordersCreate(JSON.stringify(order()), { headers: { "x-shopify-hmac-sha256": null } })),
    expected: { refused: 401 },
  },
  {
    name: "HMAC made with another secret",
    send: () => signed(ordersCreate(JSON.stringify(order()), { secret: "not-the-secret" })),
    expected: { refused: 401 },
  },
  {
    name: "HMAC that is not base64",
    send: () => signed(ordersCreate("{}", { headers: { "x-shopify-hmac-sha256": "%%%<script>" } })),
    expected: { refused: 401 },
  },
  {
    name: "body changed after signing",
    send: async () => {
      const d = ordersCreate(JSON.stringify(order()));
      const status = await post(d, d.body.replace('"#F', '"#X'));
      return { status, webhookId: d.webhookId };
    },
    expected: { refused: 401 },
  },
  {
    name: "valid HMAC on malformed JSON",
    send: () => signed(ordersCreate('{"id": 1, "line_items": [')),
    expected: { stored: "failed", outcome: "unparseable" },
  },
  {
    name: "valid HMAC on a JSON string, not an object",
    send: () => signed(ordersCreate('"<script>alert(1)</script>"')),
    // Not an order, so not an orders/create delivery: refused, nothing stored (issue 15).
    expected: { refused: 400 },
  },
  {
    name: "order with wrong types everywhere",
    send: () =>
      signed(
        ordersCreate(
          JSON.stringify({
            ...order(),
            line_items: [{ price: { $gt: "" }, quantity: "many", title: ["x"] }],
            total_price: -1e308,
            currency: "EURO",
          }),
        ),
      ),
    expected: { stored: "failed", outcome: "unexpected_payload" },
  },
  {
    name: "10 MB body, signed",
    send: () =>
      signed(ordersCreate(JSON.stringify({ ...order(), note: "x".repeat(10 * 1024 * 1024) }))),
    expected: { refused: 413 },
  },
  {
    name: "JSON nested 100,000 deep, signed",
    send: () => signed(ordersCreate(nested(100_000))),
    expected: { stored: "failed" },
  },
  {
    name: "unknown topic",
    send: () => signed({ ...ordersCreate(JSON.stringify(order())), topic: "products/create" }),
    expected: { stored: "ignored", outcome: "topic_not_used" },
  },
  {
    name: "topic with path traversal",
    send: () => signed({ ...ordersCreate(JSON.stringify(order())), topic: "../../orders/create" }),
    expected: { stored: "ignored", outcome: "topic_not_used" },
  },
  {
    name: "unknown shop",
    send: () =>
      signed(ordersCreate(JSON.stringify(order()), { shop: "nobody-here.myshopify.com" })),
    expected: { stored: "ignored", outcome: "unknown_shop" },
  },
  {
    name: "shop header that is not a shop",
    send: () => signed(ordersCreate(JSON.stringify(order()), { shop: "../../etc/passwd" })),
    expected: { stored: "ignored", outcome: "unknown_shop" },
  },
  {
    name: "no topic header",
    send: () => signed(ordersCreate("{}", { headers: { "x-shopify-topic": null } })),
    expected: { refused: 400 },
  },
  {
    name: "no shop header",
    send: () => signed(ordersCreate("{}", { headers: { "x-shopify-shop-domain": null } })),
    expected: { refused: 400 },
  },
  {
    name: "no webhook id",
    send: () => signed(ordersCreate("{}", { headers: { "x-shopify-webhook-id": null } })),
    expected: { refused: 400 },
  },
  {
    name: "a 10,000-character random webhook id",
    send: () =>
      signed(
        ordersCreate(JSON.stringify(order()), { webhookId: randomBytes(5_000).toString("hex") }),
      ),
    // Shopify's ids are UUIDs; a longer one is not Shopify's and cannot be indexed.
    expected: { refused: 400 },
  },
  {
    name: "a 10,000-character random shop domain",
    send: () =>
      signed(
        ordersCreate(JSON.stringify(order()), {
          shop: `${randomBytes(5_000).toString("hex")}.myshopify.com`,
        }),
      ),
    expected: { refused: 400 },
  },
  {
    name: "invalid UTF-8 bytes in a signed body",
    send: async () => {
      const d = ordersCreate("");
      const bytes = Buffer.concat([
        Buffer.from('{"id":1,"note":"'),
        Buffer.from([0xff, 0xfe, 0xc3]),
        Buffer.from('"}'),
      ]);
      // Signed over the raw bytes, as Shopify signs what it sends.
      const headers = signedHeaders(d);
      headers.set(
        "x-shopify-hmac-sha256",
        createHmac("sha256", FAULTS_SHOPIFY.secret).update(bytes).digest("base64"),
      );
      const response = await fetch(`${APP_URL}/api/shopify/webhooks`, {
        method: "POST",
        headers,
        body: bytes,
      });
      return { status: response.status, webhookId: d.webhookId };
    },
    expected: { refused: 401 },
  },
];

async function storedDelivery(webhookId: string) {
  const found = await stack.handle.executeSql(
    `select status, outcome from shopify_webhook_delivery where webhook_id = $1`,
    [webhookId],
  );
  return found.rows as { status: string; outcome: string | null }[];
}

describe("hostile webhook deliveries", () => {
  it.each(cases)("$name", async ({ send, expected }) => {
    const { status, webhookId } = await send();
    let stored = await storedDelivery(webhookId);
    if ("stored" in expected && status === 200) {
      stored = await eventually(`delivery ${webhookId.slice(0, 40)} processed`, async () => {
        const rows = await storedDelivery(webhookId);
        return rows.length > 0 && rows.every((r) => r.status !== "received") && rows;
      });
    }
    const refused = "refused" in expected;
    recordFaults("hostile webhooks", {
      tried: 1,
      // A refused delivery must leave nothing; an accepted one exactly one visible row.
      lost: !refused && stored.length === 0 ? 1 : 0,
      duplicated: stored.length > 1 ? stored.length - 1 : 0,
      serverErrors: status >= 500 ? 1 : 0,
    });
    if (refused) {
      expect(status).toBe(expected.refused);
      expect(stored).toEqual([]);
    } else {
      expect(status).toBe(200);
      expect(stored).toHaveLength(1);
      expect(stored[0]?.status).toBe(expected.stored);
      if (expected.outcome) expect(stored[0]?.outcome).toBe(expected.outcome);
    }
    expect(isRunning(stack.web)).toBe(true);
    expect(stack.workers.every(isRunning)).toBe(true);
  });

  it("a GET, a PUT and an empty POST are refused without a 5xx", async () => {
    const answers = await Promise.all([
      fetch(`${APP_URL}/api/shopify/webhooks`).then((r) => r.status),
      fetch(`${APP_URL}/api/shopify/webhooks`, { method: "PUT", body: "{}" }).then((r) => r.status),
      fetch(`${APP_URL}/api/shopify/webhooks`, { method: "POST" }).then((r) => r.status),
    ]);
    recordFaults("hostile webhooks", {
      tried: answers.length,
      serverErrors: answers.filter((s) => s >= 500).length,
    });
    expect(answers.every((s) => s >= 400 && s < 500)).toBe(true);
  });

  it("the sync inbox shows the failed and ignored deliveries, and still renders", async () => {
    // Its own failed deliveries (one a script in a JSON string), whichever cases ran before.
    const failing = cases.filter((c) => "stored" in c.expected && c.expected.stored === "failed");
    const sent = await Promise.all(failing.map((c) => c.send()));
    await eventually("the failed deliveries processed", async () => {
      const rows = (await Promise.all(sent.map((d) => storedDelivery(d.webhookId)))).flat();
      return rows.length === sent.length && rows.every((r) => r.status === "failed");
    });
    recordFaults("hostile webhooks", {
      tried: sent.length,
      serverErrors: sent.filter((d) => d.status >= 500).length,
    });
    const page = await fetch(`${APP_URL}/apps/shopify/inbox?status=failed`, {
      headers: { cookie: merchant.cookie },
    });
    const html = await page.text();
    recordFaults("hostile webhooks", { tried: 1, serverErrors: page.status >= 500 ? 1 : 0 });
    expect(page.status).toBe(200);
    expect(html).not.toContain("<script>alert(1)</script>");
    const failed = await stack.handle.executeSql(
      `select count(*)::int as n from shopify_webhook_delivery where organisation_id = $1 and status = 'failed'`,
      [merchant.organisationId],
    );
    expect((failed.rows[0] as { n: number }).n).toBeGreaterThanOrEqual(failing.length);
  });
});
