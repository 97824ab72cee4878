import { lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { rateLimitCounters } from "../schema";

/**
 * Adds `cost` to the counter of one key in one window and returns the new count, in
 * one statement: concurrent requests from any number of processes each see their own
 * total, so a limit cannot be overshot by a race.
 */
export async function addToCounter(
  db: Db,
  counter: { key: string; windowStart: Date; expiresAt: Date; cost: number },
): Promise<number> {
  const [row] = await db
    .insert(rateLimitCounters)
    .values({
      key: counter.key,
      windowStart: counter.windowStart,
      count: counter.cost,
      expiresAt: counter.expiresAt,
    })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + ${counter.cost}` },
    })
    .returning({ count: rateLimitCounters.count });
  return row?.count ?? counter.cost;
}

/** The counter's value without adding to it (0 when the window has none). */
export async function readCounter(db: Db, key: string, windowStart: Date): Promise<number> {
  const rows = await db
    .select({ count: rateLimitCounters.count })
    .from(rateLimitCounters)
    .where(
      sql`${rateLimitCounters.key} = ${key} and ${rateLimitCounters.windowStart} = ${windowStart}`,
    );
  return rows[0]?.count ?? 0;
}

/** Forgets windows that ended. */
export async function deleteExpiredCounters(db: Db, now: Date): Promise<void> {
  await db.delete(rateLimitCounters).where(lt(rateLimitCounters.expiresAt, now));
}
