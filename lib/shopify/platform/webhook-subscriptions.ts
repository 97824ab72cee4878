import type { AdminGraphql } from "./admin-graphql/admin-client";
import {
  WEBHOOK_SUBSCRIPTION_CREATE,
  WEBHOOK_SUBSCRIPTION_DELETE,
  WEBHOOK_SUBSCRIPTIONS_QUERY,
} from "./admin-graphql/queries";
import { topicEnum } from "../intake/webhook-topics";

interface Subscription {
  id: string;
  topic: string;
  uri: string;
}

interface UserError {
  field: string[] | null;
  message: string;
}

export class WebhookSubscriptionError extends Error {
  constructor(topic: string, errors: UserError[]) {
    super(`Shopify refused the ${topic} subscription: ${errors.map((e) => e.message).join("; ")}`);
    this.name = "WebhookSubscriptionError";
  }
}

export async function listSubscriptions(graphql: AdminGraphql): Promise<Subscription[]> {
  const all: Subscription[] = [];
  let after: string | null = null;
  do {
    const page: {
      webhookSubscriptions: {
        nodes: Subscription[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await graphql(WEBHOOK_SUBSCRIPTIONS_QUERY, { first: 100, after });
    all.push(...page.webhookSubscriptions.nodes);
    after = page.webhookSubscriptions.pageInfo.hasNextPage
      ? page.webhookSubscriptions.pageInfo.endCursor
      : null;
  } while (after);
  return all;
}

async function deleteSubscription(graphql: AdminGraphql, id: string): Promise<void> {
  await graphql(WEBHOOK_SUBSCRIPTION_DELETE, { id });
}

export interface SyncResult {
  created: string[];
  kept: string[];
  removed: string[];
}

/**
 * Makes the shop's subscriptions exactly "each topic once, to our endpoint":
 * creates what is missing, keeps what is there, removes duplicates and those that
 * still point at an old address of ours. Safe to run again after a re-install.
 */
export async function syncWebhookSubscriptions(
  graphql: AdminGraphql,
  endpoint: string,
  topics: readonly string[],
): Promise<SyncResult> {
  const existing = await listSubscriptions(graphql);
  const result: SyncResult = { created: [], kept: [], removed: [] };
  const ours = (s: Subscription) => isOurEndpoint(s.uri, endpoint);

  for (const topic of topics) {
    const matches = existing.filter((s) => s.topic === topicEnum(topic) && ours(s));
    const [exact, ...extra] = [
      ...matches.filter((s) => s.uri === endpoint),
      ...matches.filter((s) => s.uri !== endpoint),
    ];
    if (exact?.uri === endpoint) result.kept.push(topic);
    else {
      if (exact) extra.push(exact);
      await createSubscription(graphql, topic, endpoint);
      result.created.push(topic);
    }
    for (const stale of extra) {
      await deleteSubscription(graphql, stale.id);
      result.removed.push(topic);
    }
  }
  const wanted = new Set(topics.map(topicEnum));
  for (const leftover of existing.filter((s) => ours(s) && !wanted.has(s.topic))) {
    await deleteSubscription(graphql, leftover.id);
    result.removed.push(leftover.topic);
  }
  return result;
}

/** Removes every subscription that points at our webhook endpoint (disconnect). */
export async function removeWebhookSubscriptions(
  graphql: AdminGraphql,
  endpoint: string,
): Promise<number> {
  const ours = (await listSubscriptions(graphql)).filter((s) => isOurEndpoint(s.uri, endpoint));
  for (const subscription of ours) await deleteSubscription(graphql, subscription.id);
  return ours.length;
}

async function createSubscription(graphql: AdminGraphql, topic: string, uri: string) {
  const answer = await graphql<{
    webhookSubscriptionCreate: { userErrors: UserError[] };
  }>(WEBHOOK_SUBSCRIPTION_CREATE, {
    topic: topicEnum(topic),
    webhookSubscription: { uri },
  });
  const errors = answer.webhookSubscriptionCreate.userErrors;
  if (errors.length > 0) throw new WebhookSubscriptionError(topic, errors);
}

/** Ours = our webhook path, on any host we may have used (the app URL can change). */
function isOurEndpoint(uri: string, endpoint: string): boolean {
  try {
    return new URL(uri).pathname === new URL(endpoint).pathname;
  } catch {
    return false;
  }
}
