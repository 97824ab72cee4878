import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { addToCounter, deleteExpiredCounters, readCounter } from "@/db/queries/rate-limits";

/** A limit: at most `limit` hits per `windowSeconds`, counted per subject (address, token, key…). */
export interface RateLimit {
  /** Names the counter (`pdf-token`, `sign-in-address`…); part of every key. */
  name: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Seconds until the window that refused ends (0 when allowed). */
  retryAfterSeconds: number;
  /** The limit that refused, when one did. */
  refusedBy?: string;
}

/** Subjects can be long (an email address, a token): keys hold a short hash of them. */
function counterKey(limit: RateLimit, subject: string): string {
  const digest = createHash("sha256").update(subject).digest("base64url").slice(0, 22);
  return `${limit.name}:${digest}`;
}

function windowOf(limit: RateLimit, now: Date) {
  const ms = limit.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / ms) * ms;
  return { windowStart: new Date(start), windowEnd: new Date(start + ms) };
}

/**
 * Counts one hit against each limit in turn (fixed windows, counters in the database so
 * every web process on one PostgreSQL shares them) and says whether all of them allow
 * it. Give the narrowest limit first (per address or key, then global): counting stops
 * at the first refusal, so one client's flood fills its own counter, not the global
 * one that everyone else shares. Now and then the ended windows are swept.
 */
export async function hitRateLimits(
  db: Db,
  hits: readonly { limit: RateLimit; subject: string; cost?: number }[],
  now: Date = new Date(),
): Promise<RateLimitDecision> {
  if (Math.random() < 0.01) await deleteExpiredCounters(db, now);
  for (const { limit, subject, cost } of hits) {
    const { windowStart, windowEnd } = windowOf(limit, now);
    const count = await addToCounter(db, {
      key: counterKey(limit, subject),
      windowStart,
      expiresAt: windowEnd,
      cost: cost ?? 1,
    });
    if (count > limit.limit) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil((windowEnd.getTime() - now.getTime()) / 1000)),
        refusedBy: limit.name,
      };
    }
  }
  return { allowed: true, retryAfterSeconds: 0 };
}

/** One limit, one subject. */
export async function hitRateLimit(
  db: Db,
  limit: RateLimit,
  subject: string,
  now: Date = new Date(),
): Promise<RateLimitDecision> {
  return hitRateLimits(db, [{ limit, subject }], now);
}

/** How many hits this window has counted so far (quotas shown to the merchant). */
export async function usedInWindow(
  db: Db,
  limit: RateLimit,
  subject: string,
  now: Date = new Date(),
): Promise<number> {
  return readCounter(db, counterKey(limit, subject), windowOf(limit, now).windowStart);
}

/** The standard answer to a refused request: 429 with Retry-After. */
export function tooManyRequests(decision: RateLimitDecision, body?: unknown): Response {
  const headers = {
    "retry-after": String(decision.retryAfterSeconds),
    "cache-control": "no-store",
  };
  return body === undefined
    ? new Response("Too many requests, try again later.", { status: 429, headers })
    : Response.json(body, { status: 429, headers });
}
