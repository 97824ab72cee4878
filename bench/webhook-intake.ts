import type { OrderFactory } from "./orders";
import type { Figure } from "./report";
import { sendBurst } from "./send-orders";
import { sleep } from "./stats";
import { loadWebhooks, type LoadResult } from "./webhook-load";

export interface IntakeSettings {
  fixedRate: number;
  durationS: number;
  connections: number;
}

export interface IntakeRuns {
  fixed: LoadResult;
  max: LoadResult;
}

/** The same two loads (fixed rate, then flat out) against one endpoint. */
export async function runIntake(
  target: { url: string; shop: string; secret: string },
  orders: OrderFactory,
  settings: IntakeSettings,
): Promise<IntakeRuns> {
  // Warm: the route's first call loads its module and starts the queue client.
  const warm = await sendBurst(target, orders, 50, 5);
  if (warm.some((w) => w.status !== 200)) throw new Error(`Warm-up refused by ${target.url}`);
  const common = { ...target, orders, durationS: settings.durationS };
  const fixed = await loadWebhooks({
    ...common,
    rate: settings.fixedRate,
    connections: settings.connections,
  });
  await sleep(2_000); // let the previous run's writes settle before the next load
  const max = await loadWebhooks({ ...common, connections: settings.connections });
  await sleep(2_000);
  return { fixed, max };
}

/** Figures for the table; the ratio to the bare server is the throughput target. */
export function intakeFigures(
  engine: Figure["engine"],
  runs: IntakeRuns,
  settings: IntakeSettings,
  bare?: IntakeRuns,
): Figure[] {
  const measure = "webhook intake";
  const at = `@ ${settings.fixedRate} req/s`;
  const isBare = engine === "bare-node";
  const figures: Figure[] = [
    { engine, measure, name: `throughput ${at}`, value: runs.fixed.throughput, unit: "req/s" },
    { engine, measure, name: `p50 ${at}`, value: runs.fixed.p50Ms, unit: "ms" },
    {
      engine,
      measure,
      name: `p99 ${at}`,
      value: runs.fixed.p99Ms,
      unit: "ms",
      ...(isBare ? {} : { target: { op: "<" as const, value: 100 } }),
    },
    { engine, measure, name: `errors ${at}`, value: runs.fixed.errors, unit: "" },
    { engine, measure, name: "throughput flat out", value: runs.max.throughput, unit: "req/s" },
    { engine, measure, name: "p99 flat out", value: runs.max.p99Ms, unit: "ms" },
    { engine, measure, name: "errors flat out", value: runs.max.errors, unit: "" },
  ];
  if (bare) {
    figures.push({
      engine,
      measure,
      name: "flat-out throughput / bare server's",
      value: Math.round((runs.max.throughput / bare.max.throughput) * 1000) / 10,
      unit: "%",
      target: { op: ">=", value: 40 },
      note: `bare server (PostgreSQL): ${bare.max.throughput} req/s`,
    });
  }
  return figures;
}
