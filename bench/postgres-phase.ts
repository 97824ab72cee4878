import { openPostgres } from "@/db/client";
import { startQueue } from "@/lib/jobs/queue";
import { measureAutoSend } from "./auto-send";
import { measureBackfill } from "./backfill";
import { onInterrupt } from "./cleanup";
import { createFreshDatabase } from "./database";
import { measureListHttp, measureListQuery, seedDocuments } from "./document-list";
import type { BenchOptions } from "./options";
import { latencyFigures, sendOrdersAndWait } from "./order-latency";
import { OrderFactory } from "./orders";
import { measurePdf, seedInvoice } from "./pdf";
import { clearJobBacklog, databaseProbe } from "./probes";
import { peakRssMb, type Started } from "./processes";
import type { Figure } from "./report";
import { seedMerchant } from "./seed";
import {
  BENCH_SHOPIFY,
  startBareServer,
  startSimulator,
  startWeb,
  startWorker,
  type StackContext,
  type WebServer,
} from "./stack";
import { intakeFigures, runIntake, type IntakeRuns } from "./webhook-intake";

const engine = "postgres";
const orderSettings = (autoSend: boolean) =>
  ({ documentType: "invoice", trigger: "order_created", autoSend }) as const;

/**
 * Everything on the machine's PostgreSQL, in a database made for this run: the
 * production web server (jobs off), `workers` worker processes, the simulator,
 * and the bare server for the intake comparison.
 */
export async function runPostgresPhase(
  options: BenchOptions,
  ctx: StackContext,
  stamp: string,
  log: (line: string) => void,
): Promise<{ figures: Figure[]; bare?: IntakeRuns }> {
  const figures: Figure[] = [];
  let bareRuns: IntakeRuns | undefined;
  const sizes = options.sizes;
  const database = await createFreshDatabase(options.serverUrl, stamp);
  log(`database ${database.name}`);
  const handle = await openPostgres(database.url);
  const running: Started[] = [];
  const encryptionKey = ctx.secrets.ENCRYPTION_KEY;
  const orders = new OrderFactory(8_000_000_000_000);
  // Once only: an interrupt and the `finally` below may both ask for it.
  let stopping: Promise<void> | undefined;
  const stopAll = () =>
    (stopping ??= (async () => {
      await Promise.all(running.map((p) => p.stop()));
      await handle.close();
      await database.drop();
    })());
  const forget = onInterrupt(stopAll);
  try {
    const simulator = options.only.has("backfill") ? await startSimulator(ctx) : null;
    if (simulator) running.push(simulator.process);
    const web = await startWeb(
      ctx,
      { DATABASE_URL: database.url },
      { withWorker: false, simulatorOrigin: simulator?.origin },
    );
    running.push(web.process);
    const hookUrl = `${web.origin}/api/shopify/webhooks`;
    const secret = BENCH_SHOPIFY.clientSecret;

    if (options.only.has("intake")) {
      const merchant = await seedMerchant(handle.db, {
        name: "intake",
        encryptionKey,
        shop: { domain: "intake-bench.myshopify.com", settings: orderSettings(false) },
      });
      const bare = await startBareServer(ctx, database.url);
      running.push(bare.process);
      const target = { shop: merchant.shop ?? "", secret };
      log("intake: bare server");
      bareRuns = await runIntake(
        { ...target, url: `${bare.origin}/webhooks` },
        orders,
        sizes.intake,
      );
      await bare.process.stop();
      log("intake: app");
      const appRuns = await runIntake({ ...target, url: hookUrl }, orders, sizes.intake);
      figures.push(
        ...intakeFigures("bare-node", bareRuns, sizes.intake),
        ...intakeFigures(engine, appRuns, sizes.intake, bareRuns),
      );
      log(`intake: ${await clearJobBacklog(handle)} queued deliveries cleared`);
    }

    const workers = Array.from({ length: options.workers }, (_, i) =>
      startWorker(ctx, { DATABASE_URL: database.url }, `worker-${i + 1}`, simulator?.origin),
    );
    running.push(...workers);

    if (options.only.has("latency")) {
      log("order → document latency");
      const merchant = await seedMerchant(handle.db, {
        name: "latency",
        encryptionKey,
        shop: { domain: "latency-bench.myshopify.com", settings: orderSettings(false) },
      });
      const probe = databaseProbe(handle, merchant.t);
      const target = { url: hookUrl, shop: merchant.shop ?? "", secret };
      const sent = await sendOrdersAndWait(target, orders, sizes.latency, probe);
      figures.push(...latencyFigures(engine, sent, await probe.documentTimes(), sizes.latency));
      log(`latency: ${await clearJobBacklog(handle)} queued jobs cleared`);
    }

    if (options.only.has("autosend")) {
      log("auto-send");
      const merchant = await seedMerchant(handle.db, {
        name: "autosend",
        encryptionKey,
        shop: { domain: "autosend-bench.myshopify.com", settings: orderSettings(true) },
      });
      const target = { url: hookUrl, shop: merchant.shop ?? "", secret };
      figures.push(
        ...(await measureAutoSend(
          target,
          orders,
          sizes.autosend,
          databaseProbe(handle, merchant.t),
          engine,
        )),
      );
      log(`auto-send: ${await clearJobBacklog(handle)} queued jobs cleared`);
    }

    if (options.only.has("pdf") || options.only.has("list")) {
      const merchant = await seedMerchant(handle.db, { name: "documents", encryptionKey });
      const server = { origin: web.origin, apiKey: merchant.apiKey };
      if (options.only.has("pdf")) {
        log("pdf");
        const invoices = {
          smallId: await seedInvoice(handle.db, merchant.t, 1),
          largeId: await seedInvoice(handle.db, merchant.t, sizes.pdf.largeLines),
          largeLines: sizes.pdf.largeLines,
        };
        figures.push(
          ...(await measurePdf(engine, server, invoices, {
            small: sizes.pdf.smallRuns,
            large: sizes.pdf.largeRuns,
          })),
        );
      }
      if (options.only.has("list")) {
        log(`document list: seeding ${sizes.list.documents} documents`);
        await seedDocuments(handle.db, merchant.t, sizes.list.documents);
        figures.push(
          ...(await measureListQuery(
            engine,
            handle.db,
            merchant.t,
            sizes.list.documents,
            sizes.list.runs,
          )),
          ...(await measureListHttp(engine, server, sizes.list.documents, sizes.list.runs)),
        );
      }
    }

    if (simulator && options.only.has("backfill")) {
      log(`backfill: ${sizes.backfill.orders} orders`);
      const queue = await startQueue(handle);
      try {
        figures.push(
          ...(await measureBackfill(
            engine,
            { db: handle.db, queue, encryptionKey, simulatorOrigin: simulator.origin },
            sizes.backfill,
          )),
        );
      } finally {
        await queue.stop({ graceful: false, wait: true });
      }
    }

    figures.push(...memoryFigures(web, workers));
    return { figures, bare: bareRuns };
  } finally {
    forget();
    await stopAll();
  }
}

export function memoryFigures(web: WebServer, workers: Started[]): Figure[] {
  const figures: Figure[] = [
    {
      engine,
      measure: "memory",
      name: "web process peak RSS",
      value: peakRssMb(web.process.child.pid),
      unit: "MB",
    },
  ];
  if (workers[0]) {
    figures.push({
      engine,
      measure: "memory",
      name: "worker process peak RSS",
      value: peakRssMb(workers[0].child.pid),
      unit: "MB",
    });
  }
  return figures;
}
