import { and, eq, sql } from "drizzle-orm";
import { defaultSeries } from "@/lib/documents/default-series";
import { documentTypes, type DocumentType } from "@/lib/documents/document-lifecycle";
import { chooseNextSequence } from "@/lib/numbering/choose-next-sequence";
import { seriesPeriodKey } from "@/lib/numbering/series-period-key";
import type { Db } from "../client";
import { documentCounters, documentSeries } from "../schema";
import type { Tenant } from "../tenant";
import type { Tx } from "./documents";

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
export async function listSeries(db: Db | Tx, t: Tenant, now = new Date()): Promise<SeriesView[]> {
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

/** A type's series row with the defaults, unless it exists. */
export async function insertDefaultSeries(tx: Tx, t: Tenant, type: DocumentType): Promise<void> {
  await tx
    .insert(documentSeries)
    .values(t.owned({ type, ...defaultSeries[type] }))
    .onConflictDoNothing();
}

export type CounterRow = typeof documentCounters.$inferSelect;

/** Locks a series' counter of one period for the rest of the transaction; null when none yet. */
export async function lockCounter(
  tx: Tx,
  t: Tenant,
  type: DocumentType,
  periodKey: string,
): Promise<CounterRow | null> {
  const [counter] = await tx
    .select()
    .from(documentCounters)
    .where(
      t.where(
        documentCounters,
        and(eq(documentCounters.type, type), eq(documentCounters.periodKey, periodKey)),
      ),
    )
    .for("update");
  return counter ?? null;
}

/** Stores a series' settings (and the migration start, when given). */
export async function updateSeriesSettings(
  tx: Tx,
  t: Tenant,
  type: DocumentType,
  settings: {
    pattern: string;
    yearlyRestart: boolean;
    start?: { startSequence: number; startPeriodKey: string };
  },
): Promise<void> {
  await tx
    .update(documentSeries)
    .set({
      pattern: settings.pattern,
      yearlyRestart: settings.yearlyRestart,
      ...(settings.start ?? {}),
    })
    .where(t.where(documentSeries, eq(documentSeries.type, type)));
}

export type SeriesRow = typeof documentSeries.$inferSelect;

/** The series of a type, created with the defaults on first use. */
export async function ensureSeries(tx: Tx, t: Tenant, type: DocumentType): Promise<SeriesRow> {
  await insertDefaultSeries(tx, t, type);
  const [series] = await tx
    .select()
    .from(documentSeries)
    .where(t.where(documentSeries, eq(documentSeries.type, type)));
  if (!series) throw new Error(`No ${type} series`);
  return series;
}

/**
 * Takes the next number of a series. The counter row is created or incremented in
 * one statement, and its row lock is held until the finalising transaction ends:
 * concurrent finalisations queue on it, and a rolled-back one gives its number back.
 */
export async function takeNextSequence(
  tx: Tx,
  t: Tenant,
  series: SeriesRow,
  periodKey: string,
): Promise<number> {
  const first = chooseNextSequence({
    periodKey,
    lastIssued: null,
    migrationStart:
      series.startSequence && series.startPeriodKey
        ? { periodKey: series.startPeriodKey, nextSequence: series.startSequence }
        : null,
  });
  const [counter] = await tx
    .insert(documentCounters)
    .values(t.owned({ type: series.type, periodKey, lastSequence: first }))
    .onConflictDoUpdate({
      target: [documentCounters.organisationId, documentCounters.type, documentCounters.periodKey],
      set: { lastSequence: sql`${documentCounters.lastSequence} + 1` },
    })
    .returning({ lastSequence: documentCounters.lastSequence });
  if (!counter) throw new Error("Counter upsert returned nothing");
  return counter.lastSequence;
}
