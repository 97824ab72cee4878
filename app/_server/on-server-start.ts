import { DatabaseLockedError } from "@/db/client";
import { ConfigError, getConfig } from "@/lib/config/env";
import { runWorkerInThisProcess } from "./run-worker";
import { logger } from "@/lib/log/logger";

/**
 * Validates configuration first, so a production server without its secrets stops
 * with a message naming each one; then starts the in-process worker. PGlite allows
 * one process only, so there the worker must live here; with PostgreSQL it can run
 * here and/or in separate `npm run worker` processes.
 */
export async function onServerStart(): Promise<void> {
  let config;
  try {
    config = getConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      logger.fatal(err.message);
      process.exit(1);
    }
    throw err;
  }
  if (!config.DATABASE_URL || config.RUN_WORKER_IN_WEB === "true") {
    try {
      await runWorkerInThisProcess();
    } catch (err) {
      // A server that cannot open its database would answer 500 forever: stop instead.
      if (err instanceof DatabaseLockedError) {
        logger.fatal(err.message);
        process.exit(1);
      }
      throw err;
    }
  }
}
