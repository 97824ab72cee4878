import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Windowed counters for rate limits and quotas (lib/security/rate-limit.ts). In the
 * database, not in memory, so a limit holds across every web process on one
 * PostgreSQL (and on PGlite). One row per key and window; old windows are swept.
 */
export const rateLimitCounters = pgTable(
  "rate_limit_counter",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index("rate_limit_counter_expires").on(t.expiresAt),
  ],
);

/** Each worker process says it is alive every 30 s; /api/health counts those seen recently. */
export const workerHeartbeats = pgTable("worker_heartbeat", {
  id: text("id").primaryKey(),
  kind: text("kind").$type<"web" | "worker">().notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
  seenAt: timestamp("seen_at", { withTimezone: true }).notNull(),
});
