import { afterAll, beforeAll, expect, it } from "vitest";
import {
  compareOrders,
  documentsPerOrder,
  finalisedSequences,
  jobsOfOrganisation,
  numberingProblems,
  settle,
  sweepJobs,
} from "./support/checks";
import { isRunning, killHard } from "./support/processes";
import { seedMerchant, type Merchant } from "./support/seed";
import { startStack, type Stack } from "./support/stack";
import { recordFaults } from "./support/tally";
import {
  deliverUntilAcknowledged,
  delivery,
  inParallel,
  makeOrder,
  newStats,
  serverErrorsIn,
} from "./support/webhooks";

/**
 * kill -9 of a worker, 20 times at random moments, while a stream of orders comes
 * in with "send automatically" on, so a kill can land anywhere in order → concept →
 * number → PDF → email. Afterwards every order has exactly one document, numbers
 * run 1..n, each document left by email once, and no job is left behind.
 */
const ORDERS = 100;
const KILLS = 20;
/**
 * Recovery: from the last kill (and the last order) until every delivery is processed
 * and every job of the merchant finished. What a kill costs: a job held by the killed
 * worker comes back only when its lease expires (expireInSeconds: 120 s for
 * shopify-process-delivery, send-document and send-email), pg-boss's maintenance
 * (every 30 s, lib/jobs/queue.ts) finds it and puts it in retry, and it runs after its
 * first backoff (15–30 s for a delivery, 10–20 s for a send): about 120 + 30 + 30 s
 * for the last job held, plus the work. The target leaves margin above that; the
 * hardening and throughput issues shorten the expiry, and this target with it.
 */
const RECOVERY_TARGET_MS = Number(process.env.FACTURO_FAULTS_RECOVERY_TARGET_MS ?? 210_000);
// How long the case waits: past the target, so a miss is measured rather than cut off.
const RECOVERY_WAIT_MS = Number(
  process.env.FACTURO_FAULTS_RECOVERY_MS ?? RECOVERY_TARGET_MS + 90_000,
);

let stack: Stack;
let merchant: Merchant;

beforeAll(async () => {
  stack = await startStack("worker_kill", { workers: 2 });
  merchant = await seedMerchant(stack.handle.db, {
    settings: { trigger: "order_created", autoSend: true },
  });
});

afterAll(async () => {
  await stack?.stopAll();
});

async function killWorkersWhile(isStreaming: () => boolean): Promise<number> {
  let kills = 0;
  while (kills < KILLS) {
    await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 1_200));
    const alive = stack.workers.filter(isRunning);
    const victim = alive[Math.floor(Math.random() * alive.length)];
    if (victim) {
      await killHard(victim);
      kills++;
      stack.addWorker();
    }
    if (!isStreaming() && kills >= KILLS) break;
  }
  return kills;
}

async function emailsPerDocument() {
  const found = await stack.handle.executeSql(
    `select d.id, count(e.id)::int as n from document d
     left join document_send s on s.document_id = d.id and s.organisation_id = d.organisation_id
     left join email e on e.idempotency_key = 'document-send:' || s.id
     where d.organisation_id = $1 group by d.id`,
    [merchant.organisationId],
  );
  return found.rows as { id: string; n: number }[];
}

// The stream (about a minute), the wait, and the checks.
const TEST_TIMEOUT_MS = 180_000 + RECOVERY_WAIT_MS;
const TITLE = `${KILLS} worker kills under a stream of ${ORDERS} orders: one document each, numbers 1..n`;

it(TITLE, { timeout: TEST_TIMEOUT_MS }, async () => {
  const orders = Array.from({ length: ORDERS }, (_, i) => makeOrder(1000 + i));
  const stats = newStats();
  let streaming = true;
  const [kills] = await Promise.all([
    killWorkersWhile(() => streaming),
    inParallel(orders, 4, async (order) => {
      await deliverUntilAcknowledged(delivery("orders/create", merchant.shop, order), stats);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }).finally(() => {
      streaming = false;
    }),
  ]);
  const recovery = await settle(stack.handle, merchant.organisationId, RECOVERY_WAIT_MS);
  const sweeps = await sweepJobs(stack.handle, merchant.organisationId);
  const policies = await stack.handle.executeSql(
    `select name, expire_seconds, retry_delay from pgboss.queue
     where name in ('shopify-process-delivery', 'send-document', 'send-email') order by name`,
  );

  const expected = orders.map((o) => String(o.id));
  const { lost, duplicated } = compareOrders(
    expected,
    await documentsPerOrder(stack.handle, merchant.organisationId),
  );
  const sequences = await finalisedSequences(stack.handle, merchant.organisationId);
  const numbering = numberingProblems(sequences);
  const emails = await emailsPerDocument();
  const unsent = emails.filter((e) => e.n === 0).length;
  const emailedTwice = emails.reduce((n, e) => n + Math.max(0, e.n - 1), 0);
  recordFaults("worker kill -9 ×20", {
    tried: ORDERS,
    lost: lost + unsent,
    duplicated: duplicated + numbering.repeats + emailedTwice,
    serverErrors: serverErrorsIn(stats),
  });
  console.log(
    `worker kills: ${kills}, acknowledged ${stats.acknowledged}/${ORDERS},`,
    recovery.settled
      ? `recovered in ${Math.round(recovery.ms / 1000)} s (target ${RECOVERY_TARGET_MS / 1000} s),`
      : `not recovered after ${Math.round(recovery.ms / 1000)} s (target ${RECOVERY_TARGET_MS / 1000} s),`,
    `finalised ${sequences.length}, unsent ${unsent}, emailed twice ${emailedTwice}`,
    { waiting: recovery.waiting, jobs: recovery.jobs },
    "queue policies:",
    policies.rows,
    sweeps.length ? ["not waited for (hourly reconciliation):", sweeps] : "",
  );
  expect(kills).toBe(KILLS);
  expect(stats.acknowledged).toBe(ORDERS);
  // The wait counted this merchant's jobs: there were some (one delivery job per order at least).
  expect(await jobsOfOrganisation(stack.handle, merchant.organisationId)).toBeGreaterThanOrEqual(
    ORDERS,
  );
  expect({ waiting: recovery.waiting, jobs: recovery.jobs }).toEqual({ waiting: 0, jobs: [] });
  expect(recovery.ms).toBeLessThanOrEqual(RECOVERY_TARGET_MS);
  expect({ lost, duplicated }).toEqual({ lost: 0, duplicated: 0 });
  expect(sequences).toHaveLength(ORDERS);
  expect(numbering).toEqual({ gaps: 0, repeats: 0 });
  expect({ unsent, emailedTwice }).toEqual({ unsent: 0, emailedTwice: 0 });
  expect(serverErrorsIn(stats)).toBe(0);
});
