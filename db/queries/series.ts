import { and, eq, sql } from "drizzle-orm";
import { defaultSeries } from "@/lib/documents/default-series";
import { documentTypes, type DocumentType } from "@/lib/documents/document-lifecycle";
import { chooseNextSequence } from "@/lib/numbering/choose-next-sequence";
import { seriesCanCollide } from "@/lib/numbering/series-can-collide";
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

export type SeriesRow = typeof documentSeries.$inferSelect;

/** The series of a type, created with the defaults on first use. */
export async function ensureSeries(tx: Tx, t: Tenant, type: DocumentType): Promise<SeriesRow> {
  await tx
    .insert(documentSeries)
    .values(t.owned({ type, ...defaultSeries[type] }))
    .onConflictDoNothing();
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
