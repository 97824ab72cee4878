import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db";
import { queueHealth } from "@/lib/jobs/queue-health";

export const dynamic = "force-dynamic";

/**
 * For load balancers and monitors: 200 while the database answers (503 when it does
 * not), with the queue's state, so a monitor sees a stalled pipeline: how many jobs
 * are ready and how long the oldest has waited, and how many workers were seen in the
 * last 2 minutes (`queue.stalled` is true past 5 minutes, or when jobs wait and no
 * worker was seen).
 */
export async function GET() {
  let handle;
  try {
    handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
  } catch {
    return Response.json({ ok: false, database: "unavailable" }, { status: 503 });
  }
  // The queue's tables appear with the first worker: until then, say so rather than fail.
  const queue = await queueHealth(handle.db).catch(() => null);
  return Response.json(
    { ok: true, database: handle.kind, queue: queue ?? { status: "unknown" } },
    { headers: { "cache-control": "no-store" } },
  );
}
