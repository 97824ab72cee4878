/**
 * Runs once when the Next.js server starts (never during `next build`).
 * Validates configuration first, so a production server without its secrets
 * stops with a message naming them; then starts the in-process worker.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig, ConfigError } = await import("@/lib/config/env");
  let config;
  try {
    config = getConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // PGlite allows one process only, so the worker must live here; with PostgreSQL
  // it can run here and/or in separate `npm run worker` processes.
  if (!config.DATABASE_URL || config.RUN_WORKER_IN_WEB === "true") {
    const { runWorkerInThisProcess } = await import("@/lib/jobs/runtime");
    await runWorkerInThisProcess();
  }
}
