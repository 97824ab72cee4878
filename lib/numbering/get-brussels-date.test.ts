import { describe, expect, it } from "vitest";
import { getBrusselsDate } from "./get-brussels-date";

describe("getBrusselsDate", () => {
  it.each([
    // Winter time, UTC+1: the year changes at 23:00 UTC.
    ["2026-12-31T22:59:59Z", { year: 2026, month: 12, day: 31 }],
    ["2026-12-31T23:00:00Z", { year: 2027, month: 1, day: 1 }],
    // Summer time, UTC+2: 1 July starts at 22:00 UTC on 30 June.
    ["2026-06-30T21:59:59Z", { year: 2026, month: 6, day: 30 }],
    ["2026-06-30T22:00:00Z", { year: 2026, month: 7, day: 1 }],
    // A date-only value (UTC midnight) keeps its day.
    ["2026-01-01", { year: 2026, month: 1, day: 1 }],
    ["2026-12-31", { year: 2026, month: 12, day: 31 }],
  ])("%s → %j", (iso, date) => {
    expect(getBrusselsDate(new Date(iso))).toEqual(date);
  });

  it("refuses an invalid date", () => {
    expect(() => getBrusselsDate(new Date("not a date"))).toThrow(RangeError);
  });
});
