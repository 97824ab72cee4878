/**
 * `npx tsx e2e/shopify-simulator/main.ts`: the simulator as a standalone dev server,
 * configured from the environment (see README.md).
 */
import { optionsFromEnv } from "./config";
import { startShopifySimulator } from "./server";

async function main(): Promise<void> {
  const options = optionsFromEnv();
  const running = await startShopifySimulator({
    ...options,
    log: (line) => console.log(`[shopify-simulator] ${line}`),
  });
  console.log(`Shopify simulator on http://localhost:${running.port}`);

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
