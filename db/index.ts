import "server-only";
import { getConfig } from "@/lib/config/env";
import { openDatabase, type DbHandle } from "./client";

export type { Db, DbHandle } from "./client";

const holder = globalThis as unknown as { facturoDb?: Promise<DbHandle> };

/**
 * The process-wide database, opened lazily (never at import time, so `next build`
 * does not touch it) and shared by pages, actions, Auth.js and the job worker.
 */
export function getDbHandle(): Promise<DbHandle> {
  holder.facturoDb ??= openDatabase(getConfig()).catch((err: unknown) => {
    holder.facturoDb = undefined;
    throw err;
  });
  return holder.facturoDb;
}

export async function getDb() {
  return (await getDbHandle()).db;
}
