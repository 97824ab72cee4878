import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * API keys look like `fct_<prefix>_<secret>`. The prefix identifies the row; only a
 * SHA-256 of the whole key is stored (the key has 192 bits of entropy, so a slow
 * hash adds nothing), and the key is shown to the operator once.
 */
export interface NewApiKey {
  token: string;
  prefix: string;
  hash: string;
}

export function hashApiKey(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function generateApiKey(): NewApiKey {
  const prefix = randomBytes(6).toString("hex");
  const token = `fct_${prefix}_${randomBytes(24).toString("base64url")}`;
  return { token, prefix, hash: hashApiKey(token) };
}

export function parseApiKeyPrefix(token: string): string | null {
  const match = /^fct_([0-9a-f]{12})_[A-Za-z0-9_-]{32}$/.exec(token);
  return match?.[1] ?? null;
}

export function apiKeyMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashApiKey(token), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
