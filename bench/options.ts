import { parseArgs } from "node:util";

/**
 * `npm run bench -- [--quick] [--no-build] [--no-pglite] [--workers N] [--only a,b]
 * [--app-dir DIR] [--server postgres://…]`. --quick shortens every load for a smoke
 * run; its figures are not comparable to the targets.
 */
export const MEASURES = ["intake", "latency", "autosend", "pdf", "list", "backfill"] as const;
export type Measure = (typeof MEASURES)[number];

export interface BenchOptions {
  quick: boolean;
  build: boolean;
  pglite: boolean;
  workers: number;
  only: Set<Measure>;
  appDir: string;
  serverUrl: string;
  sizes: Sizes;
}

export interface Sizes {
  intake: { fixedRate: number; durationS: number; connections: number };
  latency: { rate: number; durationS: number; drainS: number };
  autosend: { orders: number; drainS: number };
  pdf: { smallRuns: number; largeRuns: number; largeLines: number };
  list: { documents: number; runs: number };
  backfill: { orders: number; timeoutS: number };
}

const FULL: Sizes = {
  intake: { fixedRate: 500, durationS: 30, connections: 50 },
  latency: { rate: 50, durationS: 60, drainS: 120 },
  autosend: { orders: 300, drainS: 300 },
  pdf: { smallRuns: 50, largeRuns: 20, largeLines: 200 },
  list: { documents: 100_000, runs: 100 },
  backfill: { orders: 10_000, timeoutS: 900 },
};

const QUICK: Sizes = {
  intake: { fixedRate: 500, durationS: 5, connections: 50 },
  latency: { rate: 50, durationS: 5, drainS: 20 },
  autosend: { orders: 20, drainS: 60 },
  pdf: { smallRuns: 10, largeRuns: 3, largeLines: 200 },
  list: { documents: 10_000, runs: 20 },
  backfill: { orders: 300, timeoutS: 120 },
};

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      "no-pglite": { type: "boolean", default: false },
      workers: { type: "string", default: "1" },
      only: { type: "string" },
      "app-dir": { type: "string", default: process.cwd() },
      server: {
        type: "string",
        default: process.env.BENCH_DATABASE_SERVER ?? "postgres://postgres@127.0.0.1:5432/postgres",
      },
    },
  });
  const only = values.only ? values.only.split(",").map((m) => m.trim()) : [...MEASURES];
  for (const m of only) {
    if (!(MEASURES as readonly string[]).includes(m)) {
      throw new Error(`--only: unknown measure "${m}" (use ${MEASURES.join(", ")})`);
    }
  }
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1) throw new Error("--workers must be 1 or more");
  return {
    quick: values.quick,
    build: !values["no-build"],
    pglite: !values["no-pglite"],
    workers,
    only: new Set(only as Measure[]),
    appDir: values["app-dir"],
    serverUrl: values.server,
    sizes: values.quick ? QUICK : FULL,
  };
}
