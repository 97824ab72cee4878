import { randomBytes } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import type { TestProject } from "vitest/node";
import { openPostgres } from "../client";

/**
 * With DATABASE_URL, the suite never touches the database it points at: it creates a
 * throwaway `facturo_test_*` database on the same server, migrates it once, hands its
 * URL to the workers and drops it at the end. Without DATABASE_URL every test file
 * uses its own in-memory PGlite and there is nothing to set up.
 */
declare module "vitest" {
  export interface ProvidedContext {
    /** The fresh database of this run, or null when tests run on in-memory PGlite. */
    testDatabaseUrl: string | null;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdminClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>) {
  // The `postgres` maintenance database always exists; the given one might be the one we drop.
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    project.provide("testDatabaseUrl", null);
    return;
  }

  const name = `facturo_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  await withAdminClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const dropDatabase = () =>
    withAdminClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  const testUrl = withDatabase(serverUrl, name);
  try {
    // Migrating here, once, keeps workers from racing each other on the first migration.
    const handle = await openPostgres(testUrl);
    await handle.close();
    // pg-boss creates its schema on its first start: two test files starting their queues
    // at once both tried (duplicate key on pg_namespace). Created here, once, it is found.
    const boss = new PgBoss({ connectionString: testUrl, supervise: false, schedule: false });
    boss.on("error", () => undefined);
    await boss.start();
    await boss.stop({ graceful: false, wait: true });
  } catch (err) {
    await dropDatabase();
    throw err;
  }

  // Workers are forked after global setup and inherit process.env; `provide` lets
  // test-db.ts check that the URL it got really is this run's database.
  process.env.DATABASE_URL = testUrl;
  project.provide("testDatabaseUrl", testUrl);

  return async () => {
    process.env.DATABASE_URL = serverUrl;
    await dropDatabase();
  };
}
