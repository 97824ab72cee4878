import { createHash } from "node:crypto";

/**
 * What the database keeps of a session token: its SHA-256, hex. The browser's cookie
 * holds the token itself, so a leaked `session` table (a backup, a log of rows) signs no
 * one in. Migration 0012 hashed the sessions that existed before.
 */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
