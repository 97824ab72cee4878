import { and, eq, sql } from "drizzle-orm";
import type { DbHandle } from "@/db";
import { documents, emails } from "@/db/schema";
import type { Tenant } from "@/db/tenant";
import type { LatencyProbe } from "./order-latency";
import type { OutboxProbe } from "./auto-send";

/** Reads the measured outcomes straight from the database the app writes to. */
export function databaseProbe(handle: DbHandle, t: Tenant): LatencyProbe & OutboxProbe {
  return {
    async countDocuments() {
      const [row] = await handle.db
        .select({ n: sql<number>`count(*)::int` })
        .from(documents)
        .where(eq(documents.organisationId, t.organisationId));
      return row?.n ?? 0;
    },
    async documentTimes() {
      const rows = await handle.db
        .select({ sourceId: documents.sourceId, createdAt: documents.createdAt })
        .from(documents)
        .where(
          and(eq(documents.organisationId, t.organisationId), eq(documents.source, "shopify")),
        );
      return new Map(rows.map((r) => [r.sourceId ?? "", r.createdAt.getTime()]));
    },
    async emailTimes() {
      const rows = await handle.db
        .select({ createdAt: emails.createdAt })
        .from(emails)
        .where(eq(emails.organisationId, t.organisationId));
      return rows.map((r) => r.createdAt.getTime());
    },
  };
}

/**
 * Jobs still waiting from an earlier measurement (the intake's deliveries, a
 * latency run's backlog) would compete with the next one: each starts with none.
 */
export async function clearJobBacklog(handle: DbHandle): Promise<number> {
  const { rows } = await handle.executeSql(
    "with gone as (delete from pgboss.job where state in ('created', 'retry') returning 1) select count(*)::int as n from gone",
  );
  return (rows[0] as { n: number } | undefined)?.n ?? 0;
}
