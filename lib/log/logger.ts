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

/** A child logger carrying the caller's request id (or a new one). */
export function requestLogger(requestId?: string | null): Logger {
  return logger.child({ requestId: requestId || randomUUID() });
}
