import { describe, expect, it } from "vitest";
import { brusselsDay, brusselsDayOf, getBrusselsDate } from "./brussels-date";

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

describe("brusselsDay", () => {
  it("takes today in Brussels, not in UTC", () => {
    expect(brusselsDay(new Date("2025-12-31T23:30:00Z"))).toBe("2026-01-01");
  });
});

describe("brusselsDayOf (a timestamp from outside, e.g. a Shopify order)", () => {
  it.each([
    ["2026-02-12T23:30:00Z", "2026-02-13"], // 00:30 in Brussels (winter, +01:00)
    ["2026-07-01T22:30:00Z", "2026-07-02"], // 00:30 in Brussels (summer, +02:00)
    ["2026-03-29T00:59:00Z", "2026-03-29"], // the night summer time starts
    ["2026-10-24T22:30:00Z", "2026-10-25"], // the night summer time ends
    ["2026-04-02T11:31:26-05:00", "2026-04-02"],
    ["not a date", null],
    [null, null],
  ])("%j → %j", (iso, date) => {
    expect(brusselsDayOf(iso)).toBe(date);
  });
});
