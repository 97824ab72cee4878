import {
  adminGraphql,
  control,
  installApp,
  parseGraphql,
  startShopifySimulator,
  type RunningSimulator,
} from "@facturo/shopify-simulator";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SHOPIFY_FIXTURES } from "@/test/fixtures";
import * as queries from "./queries";
import {
  ORDERS_QUERY,
  SHOP_QUERY,
  WEBHOOK_SUBSCRIPTION_CREATE,
  WEBHOOK_SUBSCRIPTION_DELETE,
  WEBHOOK_SUBSCRIPTIONS_QUERY,
} from "./queries";

/**
 * The Shopify simulator's Admin GraphQL endpoint (packages/shopify-simulator) answering
 * the exact operations of queries.ts: the contract between the app and its stand-in.
 */

const SHOP = "graphql-test.myshopify.com";
const HOOK_URL = "https://app.example.test/api/shopify/webhooks";

let sim: RunningSimulator;
let clock = Date.now();
let token: string;

beforeAll(async () => {
  sim = await startShopifySimulator({
    port: 0,
    now: () => new Date(clock),
    fixturesDir: SHOPIFY_FIXTURES,
  });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  clock = Date.now();
  await control(sim.origin, "/reset", {});
  token = (await installApp({ origin: sim.origin, shop: SHOP })).accessToken;
});

const gql = (query: string, variables: Record<string, unknown> = {}, accessToken = token) =>
  adminGraphql(sim.origin, SHOP, accessToken, query, variables);

interface Subscription {
  id: string;
  topic: string;
  uri: string;
}
interface CreateAnswer {
  data: {
    webhookSubscriptionCreate: {
      webhookSubscription: Subscription | null;
      userErrors: Array<{ field: string[]; message: string }>;
    };
  };
}

describe("queries.ts", () => {
  it("has one operation per constant, named Facturo…, that the simulator parses", () => {
    for (const [name, source] of Object.entries(queries)) {
      const document = parseGraphql(source);
      expect(document.operations, name).toHaveLength(1);
      expect(document.operations[0]?.name, name).toMatch(/^Facturo/);
    }
  });
});

describe("authentication", () => {
  it("answers 401 with Shopify's body for a missing or unknown token", async () => {
    for (const accessToken of ["", "shpat_0000"]) {
      const answer = await gql(SHOP_QUERY, {}, accessToken);
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
      });
    }
  });

  it("does not accept a token of another shop", async () => {
    const other = await installApp({ origin: sim.origin, shop: "someone-else.myshopify.com" });
    expect((await gql(SHOP_QUERY, {}, other.accessToken)).status).toBe(401);
  });
});

describe("shop and errors", () => {
  it("answers SHOP_QUERY in Shopify's shape", async () => {
    const answer = await gql(SHOP_QUERY);
    expect(answer.body).toMatchObject({
      data: {
        shop: {
          id: expect.stringMatching(/^gid:\/\/shopify\/Shop\/\d+$/) as unknown,
          name: "Graphql Test",
          email: "owner@graphql-test.example",
          myshopifyDomain: SHOP,
          currencyCode: "EUR",
        },
      },
    });
    // Only what was selected.
    expect(Object.keys((answer.body as { data: { shop: object } }).data.shop).sort()).toEqual([
      "currencyCode",
      "email",
      "id",
      "myshopifyDomain",
      "name",
    ]);
  });

  it("reports unknown root fields like Shopify, with HTTP 200 and no data", async () => {
    const answer = await gql("query { products(first: 1) { nodes { id } } }");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      errors: [{ message: "Field 'products' doesn't exist on type 'QueryRoot'" }],
    });
    expect(answer.body).not.toHaveProperty("data");
  });

  it("reports unknown nested fields and syntax errors", async () => {
    const nested = await gql("{ shop { name planet } }");
    expect(nested.body).toMatchObject({
      errors: [{ message: "Field 'planet' doesn't exist on type 'Shop'" }],
    });
    const syntax = await gql("{ shop { name ");
    expect((syntax.body as { errors: Array<{ message: string }> }).errors[0]?.message).toMatch(
      /Parse error/,
    );
  });

  it("honours aliases, fragments and __typename", async () => {
    const answer = await gql(
      "query Q { s: shop { ...F __typename } } fragment F on Shop { handle: myshopifyDomain }",
    );
    expect(answer.body).toMatchObject({ data: { s: { handle: SHOP, __typename: "Shop" } } });
  });

  it("can be told to fail: throttled, then HTTP 503, then normal", async () => {
    await control(sim.origin, `/shops/${SHOP}/graphql-faults`, {
      faults: [{ type: "throttled" }, { type: "http", status: 503 }],
    });
    const throttled = await gql(SHOP_QUERY);
    expect(throttled.body).toMatchObject({ errors: [{ extensions: { code: "THROTTLED" } }] });
    expect((await gql(SHOP_QUERY)).status).toBe(503);
    expect((await gql(SHOP_QUERY)).status).toBe(200);
  });
});

describe("webhook subscriptions", () => {
  const create = async (topic: string, uri = HOOK_URL) =>
    (await gql(WEBHOOK_SUBSCRIPTION_CREATE, { topic, webhookSubscription: { uri } }))
      .body as CreateAnswer;

  it("creates, rejects duplicates, lists with cursors and deletes", async () => {
    const created = await create("ORDERS_CREATE");
    const subscription = created.data.webhookSubscriptionCreate.webhookSubscription;
    expect(subscription).toEqual({
      id: expect.stringMatching(/^gid:\/\/shopify\/WebhookSubscription\/\d+$/) as unknown,
      topic: "ORDERS_CREATE",
      uri: HOOK_URL,
    });

    const duplicate = await create("ORDERS_CREATE");
    expect(duplicate.data.webhookSubscriptionCreate).toEqual({
      webhookSubscription: null,
      userErrors: [
        {
          field: ["webhookSubscription", "callbackUrl"],
          message: "Address for this topic has already been taken",
        },
      ],
    });

    // The legacy input field still works.
    const legacy = (
      await gql(WEBHOOK_SUBSCRIPTION_CREATE, {
        topic: "APP_UNINSTALLED",
        webhookSubscription: { callbackUrl: HOOK_URL },
      })
    ).body as CreateAnswer;
    expect(legacy.data.webhookSubscriptionCreate.userErrors).toEqual([]);
    await create("ORDERS_PAID");

    type Page = {
      data: {
        webhookSubscriptions: {
          nodes: Subscription[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      };
    };
    const page1 = (await gql(WEBHOOK_SUBSCRIPTIONS_QUERY, { first: 2 })).body as Page;
    expect(page1.data.webhookSubscriptions.nodes.map((n) => n.topic)).toEqual([
      "ORDERS_CREATE",
      "APP_UNINSTALLED",
    ]);
    expect(page1.data.webhookSubscriptions.pageInfo.hasNextPage).toBe(true);
    const page2 = (
      await gql(WEBHOOK_SUBSCRIPTIONS_QUERY, {
        first: 2,
        after: page1.data.webhookSubscriptions.pageInfo.endCursor,
      })
    ).body as Page;
    expect(page2.data.webhookSubscriptions.nodes.map((n) => n.topic)).toEqual(["ORDERS_PAID"]);
    expect(page2.data.webhookSubscriptions.pageInfo.hasNextPage).toBe(false);

    const deleted = await gql(WEBHOOK_SUBSCRIPTION_DELETE, { id: subscription?.id });
    expect(deleted.body).toEqual(
      expect.objectContaining({
        data: {
          webhookSubscriptionDelete: {
            deletedWebhookSubscriptionId: subscription?.id,
            userErrors: [],
          },
        },
      }),
    );
    const again = await gql(WEBHOOK_SUBSCRIPTION_DELETE, { id: subscription?.id });
    expect(again.body).toMatchObject({
      data: {
        webhookSubscriptionDelete: {
          deletedWebhookSubscriptionId: null,
          userErrors: [{ field: ["id"] }],
        },
      },
    });
  });

  it("rejects compliance topics: they are not WebhookSubscriptionTopic values", async () => {
    const answer = await gql(WEBHOOK_SUBSCRIPTION_CREATE, {
      topic: "CUSTOMERS_REDACT",
      webhookSubscription: { uri: HOOK_URL },
    });
    expect(answer.body).toMatchObject({
      errors: [
        {
          message: "Variable $topic of type WebhookSubscriptionTopic! was provided invalid value",
        },
      ],
    });
    expect(sim.state.shops.get(SHOP)?.subscriptions).toEqual([]);
  });

  it("rejects a blank or invalid address", async () => {
    expect((await create("ORDERS_CREATE", "")).data.webhookSubscriptionCreate.userErrors).toEqual([
      { field: ["webhookSubscription", "callbackUrl"], message: "Address can't be blank" },
    ]);
    expect(
      (await create("ORDERS_CREATE", "not a url")).data.webhookSubscriptionCreate.userErrors[0]
        ?.message,
    ).toBe("Address is invalid");
  });

  it("does not create anything when the selection has an unknown field", async () => {
    const answer = await gql(
      `mutation { webhookSubscriptionCreate(topic: ORDERS_CREATE, webhookSubscription: { uri: "${HOOK_URL}" }) { webhookSubscription { id colour } userErrors { message } } }`,
    );
    expect(answer.body).toMatchObject({
      errors: [{ message: expect.stringContaining("colour") as unknown }],
    });
    expect(sim.state.shops.get(SHOP)?.subscriptions).toEqual([]);
  });
});

describe("orders", () => {
  type OrdersPage = {
    data: {
      orders: {
        nodes: Array<Record<string, unknown> & { name: string; updatedAt: string }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    };
  };
  const place = (fixture: string, extra: Record<string, unknown> = {}) =>
    control(sim.origin, `/shops/${SHOP}/orders`, { fixture, ...extra });

  it("answers ORDERS_QUERY with every selected field, paginated by updatedAt", async () => {
    await place("eu-be-b2c-21-paid-fr.json");
    clock += 1000;
    await place("eu-be-mixed-6-21-unpaid-nl.json");
    clock += 1000;
    await place("eu-be-b2b-vat-number-en.json");

    const first = (await gql(ORDERS_QUERY, { first: 2, query: null })).body as OrdersPage;
    expect(first.data.orders.nodes.map((o) => o.name)).toEqual(["#1001", "#1002"]);
    expect(first.data.orders.pageInfo.hasNextPage).toBe(true);
    const node = first.data.orders.nodes[0]!;
    expect(node).toMatchObject({
      displayFinancialStatus: "PAID",
      displayFulfillmentStatus: "UNFULFILLED",
      currencyCode: "EUR",
      taxesIncluded: true,
      totalPriceSet: {
        shopMoney: { amount: "89.35", currencyCode: "EUR" },
        presentmentMoney: { amount: "89.35", currencyCode: "EUR" },
      },
      lineItems: { nodes: [expect.anything(), expect.anything()] as unknown },
    });
    const second = (
      await gql(ORDERS_QUERY, { first: 2, after: first.data.orders.pageInfo.endCursor })
    ).body as OrdersPage;
    expect(second.data.orders.nodes.map((o) => o.name)).toEqual(["#1003"]);
    expect(second.data.orders.pageInfo.hasNextPage).toBe(false);
  });

  it("places a shop's history in bulk, without webhooks, and pages through it", async () => {
    const placed = await control(sim.origin, `/shops/${SHOP}/orders/bulk`, {
      fixtures: ["eu-be-b2c-21-paid-fr.json", "eu-be-mixed-6-21-unpaid-nl.json"],
      count: 120,
    });
    expect(placed).toMatchObject({
      status: 201,
      body: { placed: 120, firstName: "#1001", lastName: "#1120" },
    });
    expect(sim.state.shops.get(SHOP)?.deliveries).toEqual([]);
    let after: string | null = null;
    const names: string[] = [];
    do {
      const page = (await gql(ORDERS_QUERY, { first: 50, after })).body as OrdersPage;
      names.push(...page.data.orders.nodes.map((o) => o.name));
      after = page.data.orders.pageInfo.hasNextPage ? page.data.orders.pageInfo.endCursor : null;
    } while (after);
    expect(new Set(names).size).toBe(120);
  });

  it("filters on updated_at / created_at in the search query", async () => {
    // REST timestamps have whole seconds.
    clock = Math.floor(clock / 1000) * 1000;
    await place("eu-be-mixed-6-21-unpaid-nl.json");
    clock += 60_000;
    const cut = new Date(clock - 1).toISOString();
    await place("eu-be-b2c-21-paid-fr.json");
    const names = async (query: string) =>
      ((await gql(ORDERS_QUERY, { first: 10, query })).body as OrdersPage).data.orders.nodes.map(
        (o) => o.name,
      );
    expect(await names(`updated_at:>'${cut}'`)).toEqual(["#1002"]);
    expect(await names(`updated_at:>=${cut}`)).toEqual(["#1002"]);
    expect(await names(`created_at:<'${cut}'`)).toEqual(["#1001"]);
    expect(await names(`status:any`)).toEqual(["#1001", "#1002"]);

    // Paying the first order later moves it past the cut, and last in updatedAt order.
    clock += 1000;
    const first = sim.state.shops.get(SHOP)?.orders[0]?.id as number;
    const paid = await control(sim.origin, `/shops/${SHOP}/orders/${first}/pay`, {});
    expect(paid.status).toBe(200);
    expect(await names(`updated_at:>'${cut}'`)).toEqual(["#1002", "#1001"]);
  });

  it("hides orders older than 60 days unless read_all_orders was granted", async () => {
    await place("eu-be-b2c-21-paid-fr.json", { keepDates: true }); // created 2026-02-12
    clock = new Date("2026-06-01T00:00:00Z").getTime();
    const visible = async (accessToken: string) =>
      ((await gql(ORDERS_QUERY, { first: 10 }, accessToken)).body as OrdersPage).data.orders.nodes
        .length;
    const fresh = await installApp({ origin: sim.origin, shop: SHOP });
    expect(await visible(fresh.accessToken)).toBe(0);
    const all = await installApp({
      origin: sim.origin,
      shop: SHOP,
      scopes: ["read_orders", "read_all_orders"],
    });
    expect(await visible(all.accessToken)).toBe(1);
  });

  it("denies orders without read_orders", async () => {
    const noOrders = await installApp({
      origin: sim.origin,
      shop: SHOP,
      scopes: ["read_products"],
    });
    const answer = await gql(ORDERS_QUERY, { first: 1 }, noOrders.accessToken);
    expect(answer.body).toMatchObject({
      data: { orders: null },
      errors: [{ extensions: { code: "ACCESS_DENIED" }, path: ["orders"] }],
    });
  });
});
