/**
 * The operator CLI's process (started by ./facturo.ts): this file only wires the real
 * process (stdout, env, signals) to runCli (./run.ts).
 */
import { openDatabase } from "@/db/client";
import { getConfig } from "@/lib/config/env";
import { logger } from "@/lib/log/logger";
import { processOutput } from "./output";
import { runCli } from "./run";

/** First SIGINT/SIGTERM: stop gracefully. A second one: exit at once. */
function waitForShutdown(): Promise<string> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        process.stderr.write(`Received ${signal} again: exiting without waiting.\n`);
        process.exit(130);
      }
      received = true;
      resolve(signal);
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
}

const code = await runCli(process.argv.slice(2), {
  out: processOutput,
  getConfig,
  openDatabase,
  log: logger,
  waitForShutdown,
});
process.exitCode = code;
// The database is closed by now, so Node exits on its own; should a library keep a
// handle open, exit anyway rather than hang (the timer does not keep Node alive).
setTimeout(() => process.exit(code), 2_000).unref();
