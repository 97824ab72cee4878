import "server-only";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool } from "pg";
import lockfile from "proper-lockfile";
import { logger } from "@/lib/log/logger";
import * as schema from "./schema";

/**
 * One schema, one code path, two engines: node-postgres when DATABASE_URL is set,
 * embedded PGlite otherwise. Both are migrated from db/migrations on open.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  /** Runs raw SQL (several statements allowed when there are no parameters); pg-boss uses it. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

// Resolved from the project root: bundling by Next.js rewrites import.meta.url.
export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export class DatabaseLockedError extends Error {
  constructor(dir: string) {
    super(
      `Another process is already using the embedded database at ${dir}. ` +
        `Stop it first (only one process may open an embedded database; after a crash, wait a few seconds), ` +
        `or set DATABASE_URL to a PostgreSQL server to run several processes.`,
    );
    this.name = "DatabaseLockedError";
  }
}

/** The advisory lock migrations run under ("facturo" as a 32-bit number). */
const MIGRATION_LOCK_KEY = 0x66616374;

export async function openPostgres(connectionString: string): Promise<DbHandle> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool: Pool = new Pool({
    connectionString,
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
  });
  // A PostgreSQL restart cuts idle connections and the pool reports it as an 'error'
  // event, which would crash the process if nobody listened. The next query reconnects.
  pool.on("error", (err) => logger.warn({ err }, "PostgreSQL connection lost; reconnecting"));
  const db = drizzle(pool, { schema });
  // Web servers and workers start together on one database: each migrates on open, and
  // two migrators at once collide (CREATE SCHEMA races, a migration applied twice). One
  // session-level advisory lock makes them take turns; the later ones find nothing to do.
  const client = await pool.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
  return {
    db,
    kind: "postgres",
    executeSql: async (text, values) => pool.query(text, values as unknown[]),
    close: () => pool.end(),
  };
}

/**
 * Opens PGlite in `dir` (or in memory when `dir` is undefined). PGlite does not stop
 * a second process from opening the same directory, and two openers silently lose
 * writes, so we hold an exclusive lock on the directory for the life of the process.
 */
export async function openPglite(dir?: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  let release: (() => Promise<void>) | undefined;
  if (dir) {
    mkdirSync(dir, { recursive: true });
    try {
      release = await lockfile.lock(dir, {
        // A crashed process's lock counts as abandoned after 6 s.
        stale: 6_000,
        update: 2_000,
        onCompromised: (err) => {
          throw err;
        },
      });
    } catch (err) {
      if ((err as { code?: string }).code === "ELOCKED") throw new DatabaseLockedError(dir);
      throw err;
    }
  }
  const client: PGlite = dir ? new PGlite(dir) : new PGlite();
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return {
    db,
    kind: "pglite",
    executeSql: async (text, values) => {
      if (values && values.length > 0) return client.query(text, values);
      const results = await client.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    },
    close: async () => {
      await client.close();
      await release?.();
    },
  };
}

export async function openDatabase(env: {
  DATABASE_URL?: string;
  PGLITE_DIR: string;
}): Promise<DbHandle> {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.PGLITE_DIR);
}
