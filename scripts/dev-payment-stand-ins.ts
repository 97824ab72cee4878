import { startBancontactStandIn } from "@facturo/bancontact-stand-in";
import { startMollieStandIn } from "@facturo/mollie-stand-in";
import { startOnPort } from "./port-in-use";

/**
 * For `npm run dev`: the Mollie and Bancontact Pro stand-ins, each started only when
 * its API URL is not configured, so a merchant trying Facturo locally can configure
 * both apps (any `test_…` key) and pay invoices without accounts at either.
 * Returns the variables that point the app at them, and a way to stop them.
 */
export async function startPaymentStandInsForDev(env: NodeJS.ProcessEnv) {
  const started: { close(): Promise<void> }[] = [];
  const vars: Record<string, string> = {};
  const log = (name: string) => (line: string) => console.log(`[${name}] ${line}`);
  if (!env.MOLLIE_API_URL) {
    const mollie = await startOnPort(
      "Mollie stand-in",
      "MOLLIE_STAND_IN_PORT",
      Number(env.MOLLIE_STAND_IN_PORT ?? 3998),
      (port) => startMollieStandIn({ port, log: log("mollie-stand-in") }),
    );
    started.push(mollie);
    vars.MOLLIE_API_URL = `${mollie.origin}/v2/`;
    console.log(`Mollie stand-in on ${mollie.origin} (no MOLLIE_API_URL set)`);
  }
  if (!env.BANCONTACT_API_URL) {
    const bancontact = await startOnPort(
      "Bancontact stand-in",
      "BANCONTACT_STAND_IN_PORT",
      Number(env.BANCONTACT_STAND_IN_PORT ?? 3997),
      (port) => startBancontactStandIn({ port, log: log("bancontact-stand-in") }),
    );
    started.push(bancontact);
    vars.BANCONTACT_API_URL = bancontact.origin;
    console.log(`Bancontact Pro stand-in on ${bancontact.origin} (no BANCONTACT_API_URL set)`);
  }
  return { vars, close: () => Promise.all(started.map((s) => s.close())).then(() => undefined) };
}
