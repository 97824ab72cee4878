import path from "node:path";

/**
 * For this package's own tests only (not exported).
 *
 * Order and refund payloads: the tests use the Facturo repository's real Shopify payloads
 * (test/fixtures/shopify, provenance in its SOURCES.md), three levels above this file. The
 * simulator itself never looks there: whoever starts it passes `fixturesDir`.
 */
export const REPO_SHOPIFY_FIXTURES = path.resolve(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "test",
  "fixtures",
  "shopify",
);

/*
 * Admin API operations as any Shopify app sends them, to exercise tokens and
 * subscriptions. Facturo's own operations (lib/shopify/platform/admin-graphql/queries.ts) are
 * checked against the simulator by the app's tests in lib/shopify/platform/admin-graphql/.
 */

export const SHOP_QUERY = /* GraphQL */ `
  query Shop {
    shop {
      id
      name
      myshopifyDomain
    }
  }
`;

export const WEBHOOK_SUBSCRIPTION_CREATE = /* GraphQL */ `
  mutation Subscribe(
    $topic: WebhookSubscriptionTopic!
    $webhookSubscription: WebhookSubscriptionInput!
  ) {
    webhookSubscriptionCreate(topic: $topic, webhookSubscription: $webhookSubscription) {
      webhookSubscription {
        id
      }
      userErrors {
        field
        message
      }
    }
  }
`;
