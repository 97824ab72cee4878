/**
 * `npm run peppol:access-point`: the access-point stand-in as a standalone server.
 * PEPPOL_AP_PORT (default 4010), PEPPOL_AP_API_KEY (default: any key accepted),
 * PEPPOL_AP_PARTICIPANTS (comma-separated `0208:…`, added to the defaults).
 */
import { DEFAULT_PARTICIPANTS, startPeppolAccessPoint } from "./server";

async function main(): Promise<void> {
  const extra = (process.env.PEPPOL_AP_PARTICIPANTS ?? "").split(",").filter(Boolean);
  const running = await startPeppolAccessPoint({
    port: Number(process.env.PEPPOL_AP_PORT ?? 4010),
    apiKey: process.env.PEPPOL_AP_API_KEY || undefined,
    participants: [...DEFAULT_PARTICIPANTS, ...extra],
  });
  console.log(`Peppol access point stand-in on ${running.apiUrl}`);
  const stop = () => void running.close().finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
