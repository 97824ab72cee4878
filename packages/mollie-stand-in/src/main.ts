/** `npx tsx packages/mollie-stand-in/src/main.ts`: the Mollie stand-in on MOLLIE_STAND_IN_PORT (default 3998). */
import { runUntilSignal } from "@facturo/stand-in-http";
import { startMollieStandIn } from "./server";

startMollieStandIn({
  port: Number(process.env.MOLLIE_STAND_IN_PORT ?? 3998),
  log: (line) => console.log(`[mollie-stand-in] ${line}`),
}).then(
  (running) => runUntilSignal("Mollie stand-in", running),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
