import { and, eq } from "drizzle-orm";
import { defaultSeries } from "@/lib/documents/default-series";
import { documentTypes, type DocumentType } from "@/lib/documents/document-lifecycle";
import { seriesCanCollide } from "@/lib/numbering/series-can-collide";
import { seriesPeriodKey } from "@/lib/numbering/series-period-key";
import type { Db } from "../client";
import { documentCounters, documentSeries } from "../schema";
import type { Tenant } from "../tenant";

export interface SeriesView {
  type: DocumentType;
  pattern: string;
  yearlyRestart: boolean;
  /** The number the next document of the current period gets. */
  nextSequence: number;
  /** Whether Facturo already issued a number in the current period (then it cannot move). */
  issuedThisPeriod: boolean;
}

/** Every type's series as the settings page shows it, defaults included. */
export async function listSeries(db: Db, t: Tenant, now = new Date()): Promise<SeriesView[]> {
  const rows = await db.select().from(documentSeries).where(t.where(documentSeries));
  const counters = await db.select().from(documentCounters).where(t.where(documentCounters));
  return documentTypes.map((type) => {
    const row = rows.find((r) => r.type === type);
    const settings = {
      pattern: row?.pattern ?? defaultSeries[type].pattern,
      yearlyRestart: row?.yearlyRestart ?? true,
    };
    const periodKey = seriesPeriodKey(settings, now);
    const counter = counters.find((c) => c.type === type && c.periodKey === periodKey);
    const start = row?.startSequence && row.startPeriodKey === periodKey ? row.startSequence : 1;
    return {
      type,
      ...settings,
      nextSequence: counter ? counter.lastSequence + 1 : start,
      issuedThisPeriod: Boolean(counter),
    };
  });
}

/**
 * Saves a series. The pattern and restart may change at any time (numbers already
 * issued keep their text); the next number only before the period's first number.
 */
export async function saveSeries(
  db: Db,
  t: Tenant,
  input: {
    type: DocumentType;
    pattern: string;
    yearlyRestart: boolean;
    nextSequence: number | null;
  },
  now = new Date(),
): Promise<"saved" | "already_issued" | "clash"> {
  return db.transaction(async (tx) => {
    // Two series that could print the same number would make one number name two documents.
    const others = (await listSeries(tx as unknown as Db, t, now)).filter(
      (s) => s.type !== input.type,
    );
    if (others.some((other) => seriesCanCollide(other.pattern, input.pattern))) return "clash";
    const periodKey = seriesPeriodKey(input, now);
    await tx
      .insert(documentSeries)
      .values(t.owned({ type: input.type, ...defaultSeries[input.type] }))
      .onConflictDoNothing();
    const [counter] = await tx
      .select()
      .from(documentCounters)
      .where(
        t.where(
          documentCounters,
          and(eq(documentCounters.type, input.type), eq(documentCounters.periodKey, periodKey)),
        ),
      )
      .for("update");
    if (input.nextSequence !== null && counter && input.nextSequence !== counter.lastSequence + 1)
      return "already_issued";
    await tx
      .update(documentSeries)
      .set({
        pattern: input.pattern,
        yearlyRestart: input.yearlyRestart,
        ...(input.nextSequence !== null && !counter
          ? { startSequence: input.nextSequence, startPeriodKey: periodKey }
          : {}),
      })
      .where(t.where(documentSeries, eq(documentSeries.type, input.type)));
    return "saved";
  });
}
