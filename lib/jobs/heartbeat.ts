import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/db/client";
import { recordHeartbeat, removeHeartbeat } from "@/db/queries/worker-heartbeats";
import type { Logger } from "@/lib/log/logger";

/** How often a worker says it is alive; /api/health counts those seen in the last 2 minutes. */
export const HEARTBEAT_INTERVAL_MS = 30_000;

/**
 * A running worker's sign of life, a row it refreshes every 30 s (removed when it stops
 * cleanly), so /api/health can tell a monitor that jobs wait and nobody takes them.
 */
export async function startHeartbeat(
  db: Db,
  kind: "web" | "worker",
  log: Logger,
): Promise<{ stop(): Promise<void> }> {
  const id = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const startedAt = new Date();
  const beat = () =>
    recordHeartbeat(db, { id, kind, startedAt, seenAt: new Date() }).catch((err: unknown) =>
      log.warn({ err }, "Worker heartbeat not recorded"),
    );
  await beat();
  const timer = setInterval(() => void beat(), HEARTBEAT_INTERVAL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await removeHeartbeat(db, id).catch(() => undefined);
    },
  };
}
