import { getBrusselsDate } from "@/lib/calendar/brussels-date";

/** Key of the counter that restarts never: one counter for the life of the series. */
export const FOREVER_PERIOD_KEY = "all";

/**
 * Which counter of a series a document dated `date` draws from: with a yearly restart,
 * one counter per Brussels calendar year (`"2026"`); otherwise a single counter forever.
 * The counter row is keyed by (series, period key), so the transaction that finalises a
 * document locks exactly one row.
 */
export function seriesPeriodKey(series: { yearlyRestart: boolean }, date: Date): string {
  return series.yearlyRestart ? String(getBrusselsDate(date).year) : FOREVER_PERIOD_KEY;
}
