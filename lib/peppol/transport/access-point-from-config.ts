import "server-only";
import type { AppConfig } from "@/lib/config/env";
import type { PeppolAccessPoint } from "./access-point";
import { STORECOVE_API_URL, StorecoveAccessPoint } from "./storecove-access-point";

/** The configured access point, or null when the platform has no access-point key. */
export function accessPointFromConfig(
  config: Pick<AppConfig, "PEPPOL_AP_URL" | "PEPPOL_AP_API_KEY">,
): PeppolAccessPoint | null {
  if (!config.PEPPOL_AP_API_KEY) return null;
  return new StorecoveAccessPoint(
    config.PEPPOL_AP_API_KEY,
    config.PEPPOL_AP_URL ?? STORECOVE_API_URL,
  );
}
