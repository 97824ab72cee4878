import { openPglite, type DbHandle } from "@/db/client";
import { countDocumentsOverApi } from "./api-probe";
import { onInterrupt } from "./cleanup";
import { measureListHttp, measureListQuery, seedDocuments } from "./document-list";
import type { BenchOptions } from "./options";
import { latencyFigures, sendOrdersAndWait } from "./order-latency";
import { OrderFactory } from "./orders";
import { measurePdf, seedInvoice } from "./pdf";
import { clearJobBacklog, databaseProbe } from "./probes";
import { peakRssMb } from "./processes";
import type { Figure } from "./report";
import { seedMerchant, type Merchant } from "./seed";
import { BENCH_SHOPIFY, startWeb, type StackContext, type WebServer } from "./stack";
import { intakeFigures, runIntake, type IntakeRuns } from "./webhook-intake";

const engine = "pglite";
const conceptSettings = {
  documentType: "invoice",
  trigger: "order_created",
  autoSend: false,
} as const;

/**
 * The embedded mode: one process (web + worker) on PGlite. The bench may only open
 * the database while the server is stopped (one process per folder), so it seeds
 * first, measures over HTTP, and reads the outcomes after stopping the server.
 */
export async function runPglitePhase(
  options: BenchOptions,
  ctx: StackContext,
  log: (line: string) => void,
  bare: IntakeRuns | undefined,
): Promise<Figure[]> {
  const sizes = options.sizes;
  const dir = `${ctx.logDir}/pglite`;
  const figures: Figure[] = [];
  const encryptionKey = ctx.secrets.ENCRYPTION_KEY;
  const orders = new OrderFactory(8_500_000_000_000);
  const withDb = async <T>(run: (handle: DbHandle) => Promise<T>): Promise<T> => {
    const handle = await openPglite(dir);
    try {
      return await run(handle);
    } finally {
      await handle.close();
    }
  };
  const shopOf = (domain: string) => ({ domain, settings: conceptSettings });

  const seeded = await withDb(async (handle) => {
    const intake = await seedMerchant(handle.db, {
      name: "intake",
      encryptionKey,
      shop: shopOf("intake-lite.myshopify.com"),
    });
    const latency = await seedMerchant(handle.db, {
      name: "latency",
      encryptionKey,
      shop: shopOf("latency-lite.myshopify.com"),
    });
    const documents = await seedMerchant(handle.db, { name: "documents", encryptionKey });
    const invoices = {
      smallId: await seedInvoice(handle.db, documents.t, 1),
      largeId: await seedInvoice(handle.db, documents.t, sizes.pdf.largeLines),
      largeLines: sizes.pdf.largeLines,
    };
    if (options.only.has("list")) {
      log(`pglite: seeding ${sizes.list.documents} documents`);
      await seedDocuments(handle.db, documents.t, sizes.list.documents);
      figures.push(
        ...(await measureListQuery(
          engine,
          handle.db,
          documents.t,
          sizes.list.documents,
          sizes.list.runs,
        )),
      );
    }
    return { intake, latency, documents, invoices };
  });

  const rss: (number | null)[] = [];
  const stopWeb = async (web: WebServer) => {
    rss.push(peakRssMb(web.process.child.pid));
    await web.process.stop();
  };
  const started = new Set<WebServer>();
  const forget = onInterrupt(async () => {
    await Promise.all([...started].map((web) => web.process.stop()));
  });
  const start = async (name: string) => {
    const web = await startWeb(ctx, { PGLITE_DIR: dir }, { withWorker: true, name });
    started.add(web);
    return web;
  };
  const hookOf = (web: WebServer, merchant: Merchant) => ({
    url: `${web.origin}/api/shopify/webhooks`,
    shop: merchant.shop ?? "",
    secret: BENCH_SHOPIFY.clientSecret,
  });

  if (options.only.has("intake")) {
    log("pglite: intake");
    const web = await start("web-pglite");
    const runs = await runIntake(hookOf(web, seeded.intake), orders, sizes.intake);
    figures.push(...intakeFigures(engine, runs, sizes.intake, bare));
    await stopWeb(web);
    await withDb(async (handle) => log(`pglite: ${await clearJobBacklog(handle)} jobs cleared`));
  }

  const web = await start("web-pglite-2");
  let sent: Awaited<ReturnType<typeof sendOrdersAndWait>> = [];
  try {
    if (options.only.has("latency")) {
      log("pglite: order → document latency");
      sent = await sendOrdersAndWait(hookOf(web, seeded.latency), orders, sizes.latency, {
        countDocuments: () => countDocumentsOverApi(web.origin, seeded.latency.apiKey),
      });
    }
    const server = { origin: web.origin, apiKey: seeded.documents.apiKey };
    if (options.only.has("pdf")) {
      log("pglite: pdf");
      const runs = { small: sizes.pdf.smallRuns, large: sizes.pdf.largeRuns };
      figures.push(...(await measurePdf(engine, server, seeded.invoices, runs)));
    }
    if (options.only.has("list")) {
      log("pglite: document list over HTTP");
      figures.push(
        ...(await measureListHttp(engine, server, sizes.list.documents, sizes.list.runs)),
      );
    }
  } finally {
    await stopWeb(web);
    forget();
  }

  if (sent.length > 0) {
    const created = await withDb((handle) =>
      databaseProbe(handle, seeded.latency.t).documentTimes(),
    );
    figures.push(...latencyFigures(engine, sent, created, sizes.latency));
  }
  const peaks = rss.filter((v): v is number => v !== null);
  figures.push({
    engine,
    measure: "memory",
    name: "web process (with worker) peak RSS",
    value: peaks.length > 0 ? Math.max(...peaks) : null,
    unit: "MB",
  });
  return figures;
}
