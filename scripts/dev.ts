/**
 * `npm run dev`: `next dev`, plus the Shopify simulator when no real Shopify app
 * is configured, so a merchant trying Facturo locally can connect a (simulated)
 * shop and place orders from the repository's fixtures. With SHOPIFY_CLIENT_ID set,
 * real Shopify is used. Likewise the Peppol access-point stand-in
 * (packages/peppol-access-point) unless PEPPOL_AP_API_KEY names a real access point,
 * and the payment stand-ins (./dev-payment-stand-ins.ts).
 *
 * A dev tool, not part of the product: it is the one place that starts the stand-ins
 * (the workspaces under packages/) next to the app.
 */
import { spawn } from "node:child_process";
import { startPeppolAccessPoint } from "@facturo/peppol-access-point";
import { startShopifySimulator } from "@facturo/shopify-simulator";
import { SHOPIFY_FIXTURES } from "@/test/fixtures";
import { startPaymentStandInsForDev } from "./dev-payment-stand-ins";
import { startOnPort } from "./port-in-use";

const SIMULATOR_PORT = Number(process.env.SHOPIFY_SIMULATOR_PORT ?? 3999);
const DEV_CLIENT_ID = "facturo-dev";
const DEV_CLIENT_SECRET = "facturo-dev-secret";

async function main(): Promise<void> {
  const env = { ...process.env };
  // The app's own address follows PORT unless APP_URL says otherwise: links in emails,
  // Shopify's redirects and the simulator's "Install" button must reach this server.
  env.APP_URL ??= `http://localhost:${env.PORT ?? 3000}`;
  const appUrl = env.APP_URL;
  let simulator: Awaited<ReturnType<typeof startShopifySimulator>> | undefined;
  if (!env.SHOPIFY_CLIENT_ID) {
    simulator = await startOnPort(
      "Shopify simulator",
      "SHOPIFY_SIMULATOR_PORT",
      SIMULATOR_PORT,
      (port) =>
        startShopifySimulator({
          port,
          clientId: DEV_CLIENT_ID,
          clientSecret: DEV_CLIENT_SECRET,
          applicationUrl: `${appUrl}/shopify`,
          complianceUrl: `${appUrl}/api/shopify/webhooks`,
          // "Place an order" in the simulated shop admin offers these payloads.
          fixturesDir: SHOPIFY_FIXTURES,
          log: (line) => console.log(`[shopify-simulator] ${line}`),
        }),
    );
    Object.assign(env, {
      SHOPIFY_CLIENT_ID: DEV_CLIENT_ID,
      SHOPIFY_CLIENT_SECRET: DEV_CLIENT_SECRET,
      SHOPIFY_API_ORIGIN: `http://localhost:${simulator.port}`,
    });
    console.log(
      `Shopify simulator on http://localhost:${simulator.port} (no SHOPIFY_CLIENT_ID set, so shops are simulated)`,
    );
  }
  // Peppol: without an access-point key, the local stand-in plays the access point.
  const accessPoint = env.PEPPOL_AP_API_KEY
    ? undefined
    : await startOnPort(
        "Peppol access-point stand-in",
        "PEPPOL_AP_PORT",
        Number(env.PEPPOL_AP_PORT ?? 4010),
        (port) => startPeppolAccessPoint({ port }),
      );
  if (accessPoint) {
    Object.assign(env, { PEPPOL_AP_URL: accessPoint.apiUrl, PEPPOL_AP_API_KEY: "facturo-dev" });
    console.log(`Peppol access point stand-in on ${accessPoint.apiUrl} (no PEPPOL_AP_API_KEY set)`);
  }
  // Mollie and Bancontact Pro: local stand-ins unless their API URLs are configured.
  const payments = await startPaymentStandInsForDev(env);
  Object.assign(env, payments.vars);
  const next = spawn("next", ["dev", ...process.argv.slice(2)], { stdio: "inherit", env });
  const stop = () => next.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  next.on("exit", (code) => {
    void Promise.all([simulator?.close(), accessPoint?.close(), payments.close()]).finally(() =>
      process.exit(code ?? 0),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
