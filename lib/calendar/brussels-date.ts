import { formatIsoDate } from "./calendar-days";

/**
 * The calendar date of an instant in Belgium. Numbers take their year and month from
 * this date, not from UTC: servers run in UTC, and an invoice issued in Brussels at
 * 00:30 on 1 January is still 31 December in UTC. Using UTC would give it last year's
 * counter and number while the invoice shows the new year's date, which breaks the
 * legal rule that numbers follow the dates.
 *
 * A calendar date stored without time (`new Date("2026-01-01")`, UTC midnight) maps to
 * the same day, because Brussels is always ahead of UTC (UTC+1 or UTC+2).
 */
export interface CalendarDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

const BRUSSELS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Brussels",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

export function getBrusselsDate(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid date");
  const parts = BRUSSELS.formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  return { year: value("year"), month: value("month"), day: value("day") };
}

/** The Brussels day of an instant as YYYY-MM-DD (issue dates, payment dates). */
export function brusselsDay(instant: Date): string {
  const d = getBrusselsDate(instant);
  return formatIsoDate(d.year, d.month, d.day);
}

/** Today in Brussels as YYYY-MM-DD (due dates and "overdue" are Belgian calendar days). */
export function brusselsToday(now: Date = new Date()): string {
  return brusselsDay(now);
}

/**
 * The Brussels day of an ISO timestamp from outside (`…T23:30:00Z` is the next day
 * in Belgium); null for a missing or unreadable timestamp.
 */
export function brusselsDayOf(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? null : brusselsDay(instant);
}
