import pg from "pg";

/**
 * Every run gets a database of its own on the machine's PostgreSQL, created here
 * and dropped at the end, so figures never depend on what an earlier run left.
 */
export interface FreshDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onMaintenanceDb(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createFreshDatabase(
  serverUrl: string,
  stamp: string,
): Promise<FreshDatabase> {
  const name = `facturo_bench_${stamp.replace(/\W/g, "_").toLowerCase()}`;
  await onMaintenanceDb(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: () => onMaintenanceDb(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
