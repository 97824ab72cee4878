/**
 * Calendar days as `YYYY-MM-DD` text: due dates, payment dates and bank booking dates
 * are days, not instants, so no time zone takes part in this arithmetic.
 */

const MS_PER_DAY = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** 2026, 3, 5 → "2026-03-05" (no check that the day exists: see `isoDateOf`). */
export function formatIsoDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** "YYYY-MM-DD" for a year, month and day that exist (no 31 February), else null. */
export function isoDateOf(year: number, month: number, day: number): string | null {
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    !Number.isInteger(year) ||
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  ) {
    return null;
  }
  return formatIsoDate(year, month, day);
}

/** `YYYY-MM-DD` + days (negative goes back). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** How many days a due date lies behind `today`; 0 when not yet due. */
export function daysLate(dueDate: string, today: string): number {
  return Math.max(daysBetween(dueDate, today), 0);
}
