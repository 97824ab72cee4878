import type { DbHandle } from "@/db/client";

/**
 * What the app left in the database, read with plain SQL so the checks do not
 * depend on the code under test: documents per order, numbers, deliveries, jobs.
 */
export interface OrderDocumentCount {
  orderId: string;
  documents: number;
}

async function rows<T>(handle: DbHandle, text: string, values: unknown[] = []): Promise<T[]> {
  return (await handle.executeSql(text, values)).rows as T[];
}

/** Documents per Shopify order for one organisation (orders without a document are absent). */
export async function documentsPerOrder(
  handle: DbHandle,
  organisationId: string,
): Promise<Map<string, number>> {
  const found = await rows<{ order_id: string; n: number }>(
    handle,
    `select source_id as order_id, count(*)::int as n from document
     where organisation_id = $1 and source = 'shopify' group by source_id`,
    [organisationId],
  );
  return new Map(found.map((r) => [r.order_id, r.n]));
}

/** Lost = orders with no document; duplicated = extra documents beyond one per order. */
export function compareOrders(expected: readonly string[], perOrder: Map<string, number>) {
  let lost = 0;
  let duplicated = 0;
  for (const id of expected) {
    const n = perOrder.get(id) ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicated += n - 1;
  }
  return { lost, duplicated };
}

/** Sequences of finalised documents of one type, sorted. */
export async function finalisedSequences(
  handle: DbHandle,
  organisationId: string,
  type = "invoice",
): Promise<number[]> {
  const found = await rows<{ sequence: number }>(
    handle,
    `select sequence from document where organisation_id = $1 and type = $2
     and sequence is not null order by sequence`,
    [organisationId, type],
  );
  return found.map((r) => r.sequence);
}

/** Gaps and repeats in a sorted sequence that should be exactly 1..n. */
export function numberingProblems(sequences: readonly number[]) {
  const repeats = sequences.length - new Set(sequences).size;
  const max = sequences.length ? Math.max(...sequences) : 0;
  const gaps = max - new Set(sequences).size;
  return { gaps, repeats };
}

/** Webhook deliveries of an organisation still waiting to be processed. */
export async function unprocessedDeliveries(handle: DbHandle, organisationId: string) {
  const [row] = await rows<{ n: number }>(
    handle,
    `select count(*)::int as n from shopify_webhook_delivery
     where organisation_id = $1 and status = 'received'`,
    [organisationId],
  );
  return row?.n ?? 0;
}

export async function deliveryStatuses(handle: DbHandle, organisationId: string) {
  const found = await rows<{ status: string; outcome: string | null; n: number }>(
    handle,
    `select status, outcome, count(*)::int as n from shopify_webhook_delivery
     where organisation_id = $1 group by status, outcome order by status, outcome`,
    [organisationId],
  );
  return found;
}

/** pg-boss jobs not finished: queued, retrying or held by a worker. */
export async function unfinishedJobs(handle: DbHandle) {
  return rows<{ name: string; state: string; n: number }>(
    handle,
    `select name, state::text as state, count(*)::int as n from pgboss.job
     where state in ('created', 'retry', 'active') and name <> '__pgboss__send-it'
     and name not like '%reconcile%'
     group by name, state order by name, state`,
  );
}

/** Polls until `probe` is truthy, or throws after `ms` with `what` in the message. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | false | null | undefined>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let value: T | false | null | undefined;
  for (;;) {
    value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
