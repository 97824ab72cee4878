/**
 * `npx tsx packages/shopify-simulator/src/main.ts [--fixtures-dir <dir>]`: the simulator as
 * a standalone dev server, configured from the environment (see README.md). The fixtures
 * directory (order payloads to place) may also come from SHOPIFY_SIMULATOR_FIXTURES_DIR;
 * the argument wins. Facturo's `npm run shopify:simulator` passes test/fixtures/shopify.
 */
import path from "node:path";
import { optionsFromEnv } from "./config";
import { readOrderFixtures } from "./fixtures";
import { startShopifySimulator } from "./server";

/** The last `--fixtures-dir <dir>` (or `--fixtures-dir=<dir>`), so a later one overrides. */
function fixturesDirArgument(args: readonly string[]): string | undefined {
  let dir: string | undefined;
  args.forEach((arg, index) => {
    if (arg === "--fixtures-dir") {
      const value = args[index + 1];
      if (!value) throw new Error("--fixtures-dir needs a directory");
      dir = value;
    } else if (arg.startsWith("--fixtures-dir=")) {
      dir = arg.slice("--fixtures-dir=".length);
    }
  });
  return dir === undefined ? undefined : path.resolve(dir);
}

async function main(): Promise<void> {
  const fixturesDir = fixturesDirArgument(process.argv.slice(2));
  const options = { ...optionsFromEnv(), ...(fixturesDir ? { fixturesDir } : {}) };
  const running = await startShopifySimulator({
    ...options,
    log: (line) => console.log(`[shopify-simulator] ${line}`),
  });
  console.log(`Shopify simulator on http://localhost:${running.port}`);
  const fixtures = await readOrderFixtures(running.simulator.config.fixturesDir);
  if (fixtures.problem)
    console.log(`[shopify-simulator] no order fixtures to place. ${fixtures.problem}`);
  else console.log(`[shopify-simulator] ${fixtures.names.length} order fixtures to place`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[shopify-simulator] ${signal}: shutting down`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
