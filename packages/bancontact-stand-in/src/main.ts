/** `npx tsx packages/bancontact-stand-in/src/main.ts`: the Bancontact Pro stand-in on BANCONTACT_STAND_IN_PORT (default 3997). */
import { runUntilSignal } from "@facturo/stand-in-http";
import { startBancontactStandIn } from "./server";

startBancontactStandIn({
  port: Number(process.env.BANCONTACT_STAND_IN_PORT ?? 3997),
  log: (line) => console.log(`[bancontact-stand-in] ${line}`),
}).then(
  (running) => runUntilSignal("Bancontact stand-in", running),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
