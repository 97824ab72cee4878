import { eq, gt, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { workerHeartbeats } from "../schema";

export async function recordHeartbeat(
  db: Db,
  beat: { id: string; kind: "web" | "worker"; startedAt: Date; seenAt: Date },
): Promise<void> {
  await db
    .insert(workerHeartbeats)
    .values(beat)
    .onConflictDoUpdate({ target: workerHeartbeats.id, set: { seenAt: beat.seenAt } });
}

export async function removeHeartbeat(db: Db, id: string): Promise<void> {
  await db.delete(workerHeartbeats).where(eq(workerHeartbeats.id, id));
}

/** Workers seen since `since`; rows not seen for a day are forgotten on the way. */
export async function countWorkersSeenSince(db: Db, since: Date): Promise<number> {
  await db
    .delete(workerHeartbeats)
    .where(lt(workerHeartbeats.seenAt, new Date(since.getTime() - 24 * 3600_000)));
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(workerHeartbeats)
    .where(gt(workerHeartbeats.seenAt, since));
  return row?.count ?? 0;
}

/** pg-boss's jobs ready to run (created, or a retry whose time has come): how many, and since when. */
export async function readyJobs(db: Db): Promise<{ waiting: number; oldest: Date | null }> {
  const result = await db.execute(sql`
    select count(*)::int as waiting, min(start_after) as oldest
      from pgboss.job
     where state in ('created', 'retry') and start_after <= now()
  `);
  // Both drivers answer `{ rows }`; the union of their types does not say so.
  const [row] = (result as { rows: { waiting: number; oldest: string | Date | null }[] }).rows;
  return {
    waiting: Number(row?.waiting ?? 0),
    oldest: row?.oldest ? new Date(row.oldest) : null,
  };
}
