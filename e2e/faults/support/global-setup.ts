import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import {
  CLUSTER_DIR_ENV,
  createCluster,
  destroyCluster,
  newRunId,
  RUN_ID_ENV,
} from "./postgres-cluster";
import { assertBuildExists } from "./processes";
import type { FaultCounts } from "./tally";
import { TALLY_FILE_ENV } from "./tally";

/**
 * Before the run: a production build must exist, a throwaway PostgreSQL cluster is
 * started (its directory handed to the test files through the environment), the run
 * gets an id (in every database name) and the tally is emptied. After: the cluster
 * is removed, the per-suite table and the sums are printed, and the run fails unless
 * lost, duplicated and 5xx are all zero.
 *
 * FACTURO_FAULTS_PG_DIR set by the caller: the cluster in that directory is used
 * (created there if it holds none) and left running afterwards, so a second run can
 * use the same cluster (`support/cluster-cli.ts` creates and removes one).
 */
export default function setup() {
  assertBuildExists();
  const file = path.resolve(".data/fault-tally.jsonl");
  rmSync(file, { force: true });
  process.env[TALLY_FILE_ENV] = file;
  const given = process.env[CLUSTER_DIR_ENV] || undefined;
  const cluster = createCluster(given);
  process.env[CLUSTER_DIR_ENV] = cluster;
  const run = newRunId();
  process.env[RUN_ID_ENV] = run;
  console.log(
    `Fault suite run ${run} on the PostgreSQL cluster in ${cluster}` +
      (given ? " (given: kept afterwards)" : " (removed afterwards)"),
  );
  return () => {
    if (!given) destroyCluster(cluster);
    const rows = existsSync(file)
      ? readFileSync(file, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as FaultCounts & { suite: string })
      : [];
    const sum = (k: keyof FaultCounts) => rows.reduce((n, r) => n + r[k], 0);
    const bySuite = new Map<string, FaultCounts>();
    for (const r of rows) {
      const s = bySuite.get(r.suite) ?? { tried: 0, lost: 0, duplicated: 0, serverErrors: 0 };
      s.tried += r.tried;
      s.lost += r.lost;
      s.duplicated += r.duplicated;
      s.serverErrors += r.serverErrors;
      bySuite.set(r.suite, s);
    }
    console.log("\nFault suite");
    console.table(Object.fromEntries(bySuite));
    const line = `cases tried ${sum("tried")}, lost ${sum("lost")}, duplicated ${sum("duplicated")}, 5xx ${sum("serverErrors")}`;
    console.log(line);
    if (sum("lost") + sum("duplicated") + sum("serverErrors") > 0) {
      // A failing case already fails its file; this also catches a tally written without an assertion.
      process.exitCode = 1;
      throw new Error(`Fault suite: ${line} (all three must be 0)`);
    }
  };
}
