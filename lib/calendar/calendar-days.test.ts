import { describe, expect, it } from "vitest";
import { addDays, daysBetween, daysLate, formatIsoDate, isoDateOf } from "./calendar-days";

describe("addDays", () => {
  it.each([
    ["2026-01-31", 30, "2026-03-02"],
    ["2028-02-15", 30, "2028-03-16"], // leap year
    ["2026-12-31", 1, "2027-01-01"],
    ["2026-03-29", 1, "2026-03-30"], // summer time starts: still one day
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-03-01", 0, "2026-03-01"],
  ])("%s + %i → %s", (from, days, to) => {
    expect(addDays(from, days)).toBe(to);
  });
});

describe("daysBetween and daysLate", () => {
  it.each([
    ["2026-03-01", "2026-03-31", 30],
    ["2026-03-28", "2026-03-30", 2], // across the switch to summer time
    ["2026-10-24", "2026-10-26", 2], // and back
    ["2026-03-31", "2026-03-01", -30],
  ])("%s → %s is %i days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it("counts the days an invoice is late, never below zero", () => {
    expect(daysLate("2026-03-01", "2026-03-15")).toBe(14);
    expect(daysLate("2026-03-15", "2026-03-15")).toBe(0);
    expect(daysLate("2026-03-20", "2026-03-15")).toBe(0);
  });
});

describe("isoDateOf and formatIsoDate", () => {
  it.each([
    [2026, 3, 5, "2026-03-05"],
    [2028, 2, 29, "2028-02-29"],
    [2026, 2, 29, null],
    [2026, 13, 1, null],
    [2026, 4, 31, null],
    [2026.5, 1, 1, null],
  ])("%i-%i-%i → %j", (y, m, d, date) => {
    expect(isoDateOf(y, m, d)).toBe(date);
  });

  it("pads years and months", () => {
    expect(formatIsoDate(999, 1, 2)).toBe("0999-01-02");
  });
});
