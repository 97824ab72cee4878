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

const checkedJobTables = new WeakSet<DbHandle>();

/**
 * pg-boss 10 keeps jobs in `pgboss.job`, a table partitioned by queue name (one
 * partition per queue, created with the queue); older versions, in a plain table.
 * Reading the parent (never `ONLY`) counts every queue's partition. A missing table
 * (no queue started yet, or a renamed schema) would count nothing and let a wait pass
 * at once, so it is an error instead.
 */
async function assertJobTable(handle: DbHandle): Promise<void> {
  if (checkedJobTables.has(handle)) return;
  const [table] = await rows<{ kind: string; partitions: number }>(
    handle,
    `select c.relkind::text as kind,
       (select count(*)::int from pg_inherits i where i.inhparent = c.oid) as partitions
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'pgboss' and c.relname = 'job'`,
  );
  if (!table) throw new Error("pgboss.job does not exist: no job has been queued in this database");
  if (table.kind === "p" && table.partitions === 0)
    throw new Error("pgboss.job is partitioned but has no partition: no queue exists yet");
  if (table.kind !== "p" && table.kind !== "r")
    throw new Error(
      `pgboss.job is neither a table nor a partitioned table (relkind ${table.kind})`,
    );
  checkedJobTables.add(handle);
}

export interface JobCount {
  name: string;
  state: string;
  n: number;
}

// Every job a fault case causes carries its organisation: shopify-process-delivery
// {organisationId, deliveryId}, send-document {organisationId, sendId},
// shopify-import-orders {organisationId, runId}, shopify-finish-install and
// shopify-disconnect {organisationId, connectionId}. Jobs without one (the hourly
// sweeps, pg-boss's own __pgboss__send-it, sign-in emails, online-payment syncs,
// Peppol outcome polls) are no organisation's, and no fault case causes them.
const OF_ORGANISATION = `j.data->>'organisationId' = $1`;
// The hourly reconciliation (cron "17 * * * *") queues an import for every connected
// shop: the clock's work, not the case's. Against the suite's Shopify (nobody answers
// SHOPIFY_API_ORIGIN) it retries for minutes (30, 60, 120 s and more, with backoff).
const IS_SWEEP = `j.name = 'shopify-import-orders' and exists (
  select 1 from shopify_import i where i.id::text = j.data->>'runId' and i.kind = 'reconcile')`;
const UNFINISHED = `j.state in ('created', 'retry', 'active')`;

/**
 * The organisation's pg-boss jobs not finished: queued, retrying or held by a worker.
 * A case waits for these, never for the whole queue; the reconciliation's imports
 * are left out (see `sweepJobs`).
 */
export async function unfinishedJobs(handle: DbHandle, organisationId: string) {
  await assertJobTable(handle);
  return rows<JobCount>(
    handle,
    `select j.name, j.state::text as state, count(*)::int as n from pgboss.job j
     where ${UNFINISHED} and ${OF_ORGANISATION} and not (${IS_SWEEP})
     group by j.name, j.state order by j.name, j.state`,
    [organisationId],
  );
}

/** The hourly reconciliation's unfinished imports for the organisation: not waited for, logged. */
export async function sweepJobs(handle: DbHandle, organisationId: string) {
  await assertJobTable(handle);
  return rows<JobCount>(
    handle,
    `select j.name, j.state::text as state, count(*)::int as n from pgboss.job j
     where ${UNFINISHED} and ${OF_ORGANISATION} and ${IS_SWEEP}
     group by j.name, j.state order by j.name, j.state`,
    [organisationId],
  );
}

/** Every pg-boss job of the organisation, finished or not: a wait on none would prove nothing. */
export async function jobsOfOrganisation(handle: DbHandle, organisationId: string) {
  await assertJobTable(handle);
  const [row] = await rows<{ n: number }>(
    handle,
    `select count(*)::int as n from pgboss.job j where ${OF_ORGANISATION}`,
    [organisationId],
  );
  return row?.n ?? 0;
}

/**
 * Waits until the organisation's deliveries are processed and its jobs finished;
 * returns what was left on timeout instead of throwing, so a case can report it.
 */
export async function settle(
  handle: DbHandle,
  organisationId: string,
  ms: number,
): Promise<{ settled: boolean; ms: number; waiting: number; jobs: JobCount[] }> {
  const started = Date.now();
  const state = async () => ({
    waiting: await unprocessedDeliveries(handle, organisationId),
    jobs: await unfinishedJobs(handle, organisationId),
  });
  try {
    const done = await eventually(
      "every delivery processed and every job of the organisation finished",
      async () => {
        const now = await state();
        return now.waiting === 0 && now.jobs.length === 0 ? now : false;
      },
      ms,
    );
    return { settled: true, ms: Date.now() - started, ...done };
  } catch {
    return { settled: false, ms: Date.now() - started, ...(await state()) };
  }
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

/**
 * How many fixed windows of a rate limit a burst touched, from its start to now: limits
 * count per window, so a burst that crosses a window's end (a loaded machine) is allowed
 * the limit again in the next one.
 */
export function windowsTouched(startedMs: number, windowSeconds: number): number {
  const windowMs = windowSeconds * 1000;
  return Math.floor(Date.now() / windowMs) - Math.floor(startedMs / windowMs) + 1;
}
