import { randomUUID } from "node:crypto";
import pino from "pino";

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

/** A short id a client may give its request (letters, digits, `-_.:`, at most 64). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** The client's request id when it is short and safe, else a new one. */
export function safeRequestId(given: string | null | undefined): string {
  return given && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
}

/** A child logger carrying the caller's request id (or a new one). */
export function requestLogger(requestId?: string | null): Logger {
  return logger.child({ requestId: safeRequestId(requestId) });
}
