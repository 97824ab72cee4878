import type { Db } from "@/db/client";
import {
  insertDefaultSeries,
  listSeries,
  lockCounter,
  updateSeriesSettings,
} from "@/db/queries/series";
import type { Tenant } from "@/db/tenant";
import type { Clock } from "@/lib/calendar/clock";
import { seriesCanCollide } from "@/lib/numbering/series-can-collide";
import { seriesPeriodKey } from "@/lib/numbering/series-period-key";
import type { DocumentType } from "./document-lifecycle";

export interface SaveSeriesInput {
  type: DocumentType;
  pattern: string;
  yearlyRestart: boolean;
  nextSequence: number | null;
}

export type SaveSeriesResult = "saved" | "already_issued" | "clash";

/**
 * Saves a series. The pattern and restart may change at any time (numbers already
 * issued keep their text); the next number only before the period's first number.
 * One transaction, the period's counter locked while the next number is checked.
 */
export async function saveSeries(
  db: Db,
  t: Tenant,
  input: SaveSeriesInput,
  clock: Clock,
): Promise<SaveSeriesResult> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    // Two series that could print the same number would make one number name two documents.
    const others = (await listSeries(tx, t, now)).filter((s) => s.type !== input.type);
    if (others.some((other) => seriesCanCollide(other.pattern, input.pattern))) return "clash";
    const periodKey = seriesPeriodKey(input, now);
    await insertDefaultSeries(tx, t, input.type);
    const counter = await lockCounter(tx, t, input.type, periodKey);
    if (input.nextSequence !== null && counter && input.nextSequence !== counter.lastSequence + 1)
      return "already_issued";
    await updateSeriesSettings(tx, t, input.type, {
      pattern: input.pattern,
      yearlyRestart: input.yearlyRestart,
      ...(input.nextSequence !== null && !counter
        ? { start: { startSequence: input.nextSequence, startPeriodKey: periodKey } }
        : {}),
    });
    return "saved";
  });
}
