import pino from "pino";
import { safeRequestId } from "@/lib/security/request-id";

/** One logger for the app; secrets and tokens are redacted wherever they appear. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { app: "facturo" },
  redact: {
    paths: [
      "*.token",
      "*.accessToken",
      "*.refreshToken",
      "*.apiKey",
      "*.password",
      "*.secret",
      "*.authorization",
      "headers.authorization",
      "headers.cookie",
    ],
    censor: "[redacted]",
  },
});

export type Logger = typeof logger;

/**
 * An email address as logs show it: `m***@example.be`. Enough to tell two customers
 * apart when reading a log with the merchant, not enough to collect addresses from it.
 */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

/** A child logger carrying the caller's request id (or a new one). */
export function requestLogger(requestId?: string | null): Logger {
  return logger.child({ requestId: safeRequestId(requestId) });
}
