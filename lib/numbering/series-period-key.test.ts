import { describe, expect, it } from "vitest";
import { FOREVER_PERIOD_KEY, seriesPeriodKey } from "./series-period-key";

describe("seriesPeriodKey", () => {
  it.each([
    [true, "2026-03-15T10:00:00Z", "2026"],
    // 31 Dec 23:59 and 1 Jan 00:00 in Brussels: both still 2026 in UTC.
    [true, "2026-12-31T22:59:00Z", "2026"],
    [true, "2026-12-31T23:00:00Z", "2027"],
    [true, "2027-01-01T00:30:00Z", "2027"],
    [false, "2026-12-31T22:59:00Z", FOREVER_PERIOD_KEY],
    [false, "2026-12-31T23:00:00Z", FOREVER_PERIOD_KEY],
    [false, "2031-06-01T12:00:00Z", FOREVER_PERIOD_KEY],
  ])("yearly restart %s on %s → %s", (yearlyRestart, iso, key) => {
    expect(seriesPeriodKey({ yearlyRestart }, new Date(iso))).toBe(key);
  });
});
