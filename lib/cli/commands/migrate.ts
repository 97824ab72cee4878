import path from "node:path";
import type { DbHandle } from "@/db/client";
import type { AppConfig } from "@/lib/config/env";
import type { CliOutput } from "../output";

export const migrateUsage = "facturo migrate";

/**
 * Opening the database migrates it (db/client.ts), so by the time this runs the
 * work is done: it only reports which database was brought up to date.
 */
export async function migrate(deps: {
  handle: DbHandle;
  config: Pick<AppConfig, "PGLITE_DIR">;
  out: CliOutput;
}): Promise<void> {
  const where =
    deps.handle.kind === "pglite"
      ? `pglite at ${path.resolve(deps.config.PGLITE_DIR)}`
      : "postgres";
  deps.out.out(`Database migrated (${where})`);
}
