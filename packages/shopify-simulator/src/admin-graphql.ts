import type { SimulatorConfig } from "./config";
import {
  coerceVariables,
  type ExecutionResult,
  Executor,
  type GqlObject,
  GraphqlFieldError,
  GraphqlRequestError,
  selectOperation,
} from "./graphql-executor";
import { GraphqlSyntaxError, parseGraphql } from "./graphql-parser";
import { gid } from "./ids";
import { isJsonObject, type JsonObject } from "./json";
import {
  decodeCursor,
  encodeCursor,
  matchesFilters,
  orderIdOf,
  parseOrderQuery,
  sortValue,
  visibleToScopes,
} from "./order-search";
import { restOrderToGraphql } from "./rest-order-to-graphql";
import {
  type AccessTokenRecord,
  hasScope,
  type ShopState,
  type SimulatorState,
  type Subscription,
} from "./state";
import { SUBSCRIBABLE_TOPICS } from "./webhook-topics";

/**
 * `POST /admin/api/{version}/graphql.json`: the operations Facturo sends
 * (lib/shopify/platform/admin-graphql/queries.ts) and a few neighbours, answered in Shopify's
 * response shapes. Root fields: shop, currentAppInstallation, webhookSubscriptions,
 * webhookSubscription, orders, order; mutations webhookSubscriptionCreate / Delete.
 */

export interface GraphqlContext {
  state: SimulatorState;
  config: SimulatorConfig;
  shop: ShopState;
  token: AccessTokenRecord;
  apiVersion: string;
}

export interface GraphqlHttpResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const TOPIC_ENUM = Object.keys(SUBSCRIBABLE_TOPICS);
const MAX_PAGE_SIZE = 250;

function cost(available: number): JsonObject {
  return {
    cost: {
      requestedQueryCost: 12,
      actualQueryCost: 12,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: available, restoreRate: 100 },
    },
  };
}

/** Reads `{ query, variables, operationName }` (JSON) or a raw query (application/graphql). */
function readRequest(body: unknown): {
  query: string;
  variables: Record<string, unknown>;
  operationName: string | null;
} | null {
  if (typeof body === "string") return { query: body, variables: {}, operationName: null };
  if (!isJsonObject(body) || typeof body.query !== "string") return null;
  const variables = isJsonObject(body.variables) ? body.variables : {};
  const operationName = typeof body.operationName === "string" ? body.operationName : null;
  return { query: body.query, variables, operationName };
}

export function handleAdminGraphql(ctx: GraphqlContext, body: unknown): GraphqlHttpResult {
  ctx.shop.graphqlRequestCount += 1;
  const fault = ctx.shop.graphqlFaults.shift();
  if (fault?.type === "throttled") {
    return {
      status: 200,
      body: {
        errors: [
          {
            message: "Throttled",
            extensions: {
              code: "THROTTLED",
              documentation: "https://shopify.dev/api/usage/rate-limits",
            },
          },
        ],
        extensions: cost(0),
      },
    };
  }
  if (fault?.type === "http") {
    return {
      status: fault.status,
      body: { errors: fault.status === 429 ? "Exceeded 2 calls per second" : "Internal error" },
      headers: fault.status === 429 ? { "Retry-After": "1" } : {},
    };
  }

  const request = readRequest(body);
  if (!request) {
    return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
  }
  let result: ExecutionResult;
  try {
    result = execute(ctx, request);
  } catch (error) {
    if (error instanceof GraphqlSyntaxError) {
      result = { errors: [{ message: error.message, locations: [error.loc] }] };
    } else if (error instanceof GraphqlRequestError) {
      result = { errors: error.errors };
    } else {
      throw error;
    }
  }
  return { status: 200, body: { ...result, extensions: cost(1988) } };
}

function execute(
  ctx: GraphqlContext,
  request: { query: string; variables: Record<string, unknown>; operationName: string | null },
): ExecutionResult {
  const document = parseGraphql(request.query);
  const operation = selectOperation(document, request.operationName);
  const variables = coerceVariables(operation, request.variables, {
    WebhookSubscriptionTopic: TOPIC_ENUM,
  });
  const executor = new Executor(document, variables);
  if (operation.operation === "query") {
    return executor.run(queryRoot(ctx), operation.selections);
  }
  if (operation.operation === "mutation") {
    // A request rejected for an unknown field must not have changed anything.
    const snapshot = {
      subscriptions: [...ctx.shop.subscriptions],
      nextId: ctx.state.nextSubscriptionId,
    };
    const result = executor.run(mutationRoot(ctx), operation.selections);
    if (executor.hasValidationErrors) {
      ctx.shop.subscriptions = snapshot.subscriptions;
      ctx.state.nextSubscriptionId = snapshot.nextId;
    }
    return result;
  }
  throw new GraphqlRequestError([
    { message: "Subscriptions are not supported over HTTP", extensions: {} },
  ]);
}

function accessDenied(field: string, scope: string): GraphqlFieldError {
  return new GraphqlFieldError(
    `Access denied for ${field} field. Required access: \`${scope}\` access scope.`,
    {
      code: "ACCESS_DENIED",
      documentation: "https://shopify.dev/api/usage/access-scopes",
      requiredAccess: `\`${scope}\` access scope.`,
    },
  );
}

function pageSize(args: Record<string, unknown>): number {
  const first = args.first;
  const last = args.last;
  if (typeof last === "number") {
    throw new GraphqlFieldError("The simulator supports forward pagination (`first`) only");
  }
  if (typeof first !== "number") {
    throw new GraphqlFieldError("you must provide one of first or last", {
      code: "BAD_REQUEST",
    });
  }
  if (first < 0 || first > MAX_PAGE_SIZE) {
    throw new GraphqlFieldError(`The value of first must be between 0 and ${MAX_PAGE_SIZE}`, {
      code: "BAD_REQUEST",
    });
  }
  return first;
}

/**
 * A page of a list sorted by (value, id), starting after the cursor's tuple: stable even
 * when items are added or change between requests, like Shopify's cursors.
 */
function paginate<T>(
  items: T[],
  key: (item: T) => { id: number; value: number },
  args: Record<string, unknown>,
  typename: string,
  toNode: (item: T) => GqlObject,
): GqlObject {
  const first = pageSize(args);
  const reverse = args.reverse === true;
  const compare = (a: { id: number; value: number }, b: { id: number; value: number }) =>
    (a.value - b.value || a.id - b.id) * (reverse ? -1 : 1);
  const sorted = [...items].sort((a, b) => compare(key(a), key(b)));
  let start = 0;
  if (typeof args.after === "string") {
    const cursor = decodeCursor(args.after);
    if (!cursor) throw new GraphqlFieldError("Invalid cursor for current pagination sort.");
    const position = { id: cursor.lastId, value: cursor.lastValue };
    start = sorted.findIndex((item) => compare(key(item), position) > 0);
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + first);
  const cursorOf = (item: T) => {
    const k = key(item);
    return encodeCursor(k.id, k.value);
  };
  const edges = page.map((item) => ({
    __typename: `${typename.replace(/Connection$/, "")}Edge`,
    cursor: cursorOf(item),
    node: toNode(item),
  }));
  const firstItem = page[0];
  const lastItem = page[page.length - 1];
  return {
    __typename: typename,
    nodes: edges.map((edge) => edge.node),
    edges,
    pageInfo: {
      __typename: "PageInfo",
      hasNextPage: start + page.length < sorted.length,
      hasPreviousPage: start > 0,
      startCursor: firstItem === undefined ? null : cursorOf(firstItem),
      endCursor: lastItem === undefined ? null : cursorOf(lastItem),
    },
  };
}

function subscriptionNode(subscription: Subscription): GqlObject {
  return {
    __typename: "WebhookSubscription",
    __interfaces: ["Node"],
    id: gid("WebhookSubscription", subscription.id),
    legacyResourceId: String(subscription.id),
    topic: subscription.topic,
    uri: subscription.uri,
    callbackUrl: subscription.uri,
    endpoint: { __typename: "WebhookHttpEndpoint", callbackUrl: subscription.uri },
    format: "JSON",
    includeFields: subscription.includeFields,
    metafieldNamespaces: [],
    filter: subscription.filter,
    apiVersion: {
      __typename: "ApiVersion",
      handle: subscription.apiVersion,
      displayName: subscription.apiVersion,
      supported: true,
    },
    createdAt: subscription.createdAt,
    updatedAt: subscription.updatedAt,
  };
}

function queryRoot(ctx: GraphqlContext): GqlObject {
  const { shop, token, config } = ctx;
  const readableOrders = (): JsonObject[] => {
    if (!hasScope(token.scopes, "read_orders")) throw accessDenied("orders", "read_orders");
    const now = config.now();
    return shop.orders.filter((order) => visibleToScopes(order, token.scopes, now));
  };
  return {
    __typename: "QueryRoot",
    shop: {
      __typename: "Shop",
      id: gid("Shop", shop.id),
      name: shop.name,
      email: shop.email,
      contactEmail: shop.email,
      myshopifyDomain: shop.domain,
      url: `https://${shop.domain}`,
      currencyCode: shop.currency,
      ianaTimezone: "Europe/Brussels",
      taxesIncluded: true,
      primaryDomain: {
        __typename: "Domain",
        host: shop.domain,
        url: `https://${shop.domain}`,
      },
      plan: {
        __typename: "ShopPlan",
        displayName: "Development",
        partnerDevelopment: true,
        shopifyPlus: false,
      },
      billingAddress: {
        __typename: "ShopAddress",
        countryCodeV2: shop.countryCode,
        country: shop.countryCode === "BE" ? "Belgium" : shop.countryCode,
      },
    },
    currentAppInstallation: {
      __typename: "AppInstallation",
      id: gid("AppInstallation", shop.id),
      accessScopes: token.scopes.map((handle) => ({
        __typename: "AccessScope",
        handle,
        description: handle,
      })),
      app: {
        __typename: "App",
        id: gid("App", 1),
        title: config.appName,
        apiKey: config.clientId,
      },
    },
    webhookSubscriptions: (args) => {
      const topics = Array.isArray(args.topics) ? args.topics : null;
      const uri = typeof args.uri === "string" ? args.uri : args.callbackUrl;
      const matching = shop.subscriptions.filter(
        (s) =>
          (topics === null || topics.includes(s.topic)) &&
          (typeof uri !== "string" || s.uri === uri),
      );
      return paginate(
        matching,
        (s) => ({ id: s.id, value: 0 }),
        args,
        "WebhookSubscriptionConnection",
        subscriptionNode,
      );
    },
    webhookSubscription: (args) => {
      const found = shop.subscriptions.find((s) => gid("WebhookSubscription", s.id) === args.id);
      return found ? subscriptionNode(found) : null;
    },
    orders: (args) => {
      const filters = parseOrderQuery(typeof args.query === "string" ? args.query : null);
      const sortKey = typeof args.sortKey === "string" ? args.sortKey : "ID";
      return paginate(
        readableOrders().filter((order) => matchesFilters(order, filters)),
        (order) => ({ id: orderIdOf(order), value: sortValue(order, sortKey) }),
        args,
        "OrderConnection",
        restOrderToGraphql,
      );
    },
    order: (args) => {
      const found = readableOrders().find(
        (order) =>
          order.admin_graphql_api_id === args.id || gid("Order", orderIdOf(order)) === args.id,
      );
      return found ? restOrderToGraphql(found) : null;
    },
  };
}

function userError(field: string[] | null, message: string): GqlObject {
  return { __typename: "UserError", field, message };
}

function subscriptionInputUri(input: Record<string, unknown>): string | null {
  const value = input.uri ?? input.callbackUrl;
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function mutationRoot(ctx: GraphqlContext): GqlObject {
  const { shop, state, config, token } = ctx;
  return {
    __typename: "Mutation",
    webhookSubscriptionCreate: (args) => {
      const payload = (subscription: Subscription | null, errors: GqlObject[]): GqlObject => ({
        __typename: "WebhookSubscriptionCreatePayload",
        webhookSubscription: subscription ? subscriptionNode(subscription) : null,
        userErrors: errors,
      });
      const topic = args.topic;
      if (typeof topic !== "string" || !TOPIC_ENUM.includes(topic)) {
        throw new GraphqlFieldError(
          `Argument 'topic' on Field 'webhookSubscriptionCreate' has an invalid value (${String(topic)}). Expected type 'WebhookSubscriptionTopic!'.`,
          { code: "argumentLiteralsIncompatible", typeName: "Field", argumentName: "topic" },
        );
      }
      const input = isJsonObject(args.webhookSubscription) ? args.webhookSubscription : {};
      const uri = subscriptionInputUri(input);
      const field = ["webhookSubscription", "callbackUrl"];
      if (uri === null) return payload(null, [userError(field, "Address can't be blank")]);
      let parsed: URL | null = null;
      try {
        parsed = new URL(uri);
      } catch {
        parsed = null;
      }
      if (!parsed || (parsed.protocol !== "https:" && parsed.protocol !== "http:")) {
        // Real Shopify also takes pubsub:// and EventBridge ARNs; the simulator only POSTs.
        return payload(null, [userError(field, "Address is invalid")]);
      }
      const scope = SUBSCRIBABLE_TOPICS[topic];
      if (scope && !hasScope(token.scopes, scope)) {
        return payload(null, [
          userError(
            ["webhookSubscription"],
            `You do not have permission to create or update webhooks with ${topic} topic. Required access: \`${scope}\` access scope.`,
          ),
        ]);
      }
      if (shop.subscriptions.some((s) => s.topic === topic && s.uri === uri)) {
        return payload(null, [userError(field, "Address for this topic has already been taken")]);
      }
      const now = config
        .now()
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z");
      const includeFields = Array.isArray(input.includeFields)
        ? input.includeFields.filter((f): f is string => typeof f === "string")
        : [];
      const subscription: Subscription = {
        id: state.nextSubscriptionId++,
        topic,
        uri,
        apiVersion: ctx.apiVersion,
        createdAt: now,
        updatedAt: now,
        includeFields,
        filter: typeof input.filter === "string" ? input.filter : null,
      };
      shop.subscriptions.push(subscription);
      return payload(subscription, []);
    },
    webhookSubscriptionDelete: (args) => {
      const index = shop.subscriptions.findIndex(
        (s) => gid("WebhookSubscription", s.id) === args.id,
      );
      if (index < 0) {
        return {
          __typename: "WebhookSubscriptionDeletePayload",
          deletedWebhookSubscriptionId: null,
          userErrors: [userError(["id"], "Webhook subscription does not exist")],
        };
      }
      const [removed] = shop.subscriptions.splice(index, 1);
      return {
        __typename: "WebhookSubscriptionDeletePayload",
        deletedWebhookSubscriptionId: removed ? gid("WebhookSubscription", removed.id) : null,
        userErrors: [],
      };
    },
  };
}
