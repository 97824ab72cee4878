import "server-only";
import { headers } from "next/headers";
import { requestLogger, type Logger } from "@/lib/log/logger";

/** The logger of the current request, carrying the id proxy.ts gave it. */
export async function getRequestLogger(): Promise<Logger> {
  return requestLogger((await headers()).get("x-request-id"));
}
