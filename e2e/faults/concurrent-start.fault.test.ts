import { expect, it } from "vitest";
import pg from "pg";
import { createDatabase } from "./support/postgres-cluster";
import { startScript, type AppProcess } from "./support/processes";
import { appEnv } from "./support/stack";
import { recordFaults } from "./support/tally";

/**
 * A deployment starts its web servers and workers together on one new database, and
 * each migrates it on open. Five processes opening a fresh database at the same moment
 * must all come up, and the schema must be migrated once (the second opener used to
 * fail on `CREATE SCHEMA IF NOT EXISTS "drizzle"` and a worker died at start).
 */
const PROCESSES = 5;

it(`${PROCESSES} processes open a fresh database at once: every one migrates and comes up`, async () => {
  const databaseUrl = await createDatabase("faults_concurrent_start");
  const env = appEnv(databaseUrl);
  const started: AppProcess[] = Array.from({ length: PROCESSES }, (_, i) =>
    startScript("lib/cli/facturo.ts", ["migrate"], env, `concurrent-start-${i}`),
  );
  const exits = await Promise.all(started.map((proc) => proc.exited));

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const applied = await client
    .query<{ hash: string; n: number }>(
      `select hash, count(*)::int as n from drizzle.__drizzle_migrations group by hash`,
    )
    .finally(() => client.end());
  const failed = exits.filter((code) => code !== "0").length;
  const appliedTwice = applied.rows.filter((row) => row.n > 1).length;
  recordFaults("concurrent start ×5", {
    tried: PROCESSES,
    lost: failed,
    duplicated: appliedTwice,
  });
  expect(exits).toEqual(Array.from({ length: PROCESSES }, () => "0"));
  expect(applied.rows.length).toBeGreaterThan(0);
  expect(appliedTwice).toBe(0);
});
