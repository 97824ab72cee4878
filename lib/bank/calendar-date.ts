import { isoDateOf } from "@/lib/calendar/calendar-days";
import { BankStatementError } from "./bank-statement-error";

/**
 * `YYYY-MM-DD` for a year, month and day that exist (no 31 February). Bank dates are
 * days in the bank's books, so they stay plain calendar dates: no `Date`, no time zone.
 */
export function calendarDate(year: number, month: number, day: number, line?: number): string {
  const date = isoDateOf(year, month, day);
  if (!date) {
    throw new BankStatementError("invalid_date", `${year}-${month}-${day} is not a date`, line);
  }
  return date;
}

/** `2014-01-05` or the date part of `2017-03-23T14:47:00+01:00` (the bank's own day). */
export function isoCalendarDate(text: string, line?: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text.trim());
  if (!match) throw new BankStatementError("invalid_date", `"${text}" is not an ISO date`, line);
  return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]), line);
}
