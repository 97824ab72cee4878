/** Programmatic entry point: start a Shopify simulator in-process (tests, scripts). */
export { startShopifySimulator, type RunningSimulator } from "./server";
export {
  resolveConfig,
  optionsFromEnv,
  type SimulatorConfig,
  type SimulatorOptions,
} from "./config";
export type { DeliveryOptions } from "./webhook-sender";
export type { Delivery, ShopState, SimulatorState } from "./state";
export { queryHmac, webhookHmac, hostParam } from "./sign";
export { signedAppUrl } from "./app-url";
export { restOrderToGraphql } from "./rest-order-to-graphql";
export {
  installApp,
  authorizeThroughPages,
  adminGraphql,
  control,
  answerOrdersQuery,
} from "./testing";
export { parseGraphql, GraphqlSyntaxError, type DocumentNode } from "./graphql-parser";
export type { ExecutionResult, GraphqlError } from "./graphql-executor";
export type { JsonObject, JsonValue } from "./json";
export { startReceiver, type Receiver, type ReceivedWebhook } from "./test-receiver";
