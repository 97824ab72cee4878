import { describe, expect, it } from "vitest";
import { formatDocumentNumber, InvalidNumberPatternError } from "./format-document-number";

// 31 Dec 23:59 and 1 Jan 00:00 in Brussels (UTC+1 in winter).
const lastMinuteOf2026 = new Date("2026-12-31T22:59:00Z");
const firstMinuteOf2027 = new Date("2026-12-31T23:00:00Z");
const midMarch2026 = new Date("2026-03-15T10:00:00Z");

describe("formatDocumentNumber", () => {
  it.each([
    ["{YYYY}-{NNNN}", 1, midMarch2026, "2026-0001"],
    ["{YYYY}-{NNNN}", 147, midMarch2026, "2026-0147"],
    ["F{YY}/{NNNNN}", 42, midMarch2026, "F26/00042"],
    ["{NNNN}", 7, midMarch2026, "0007"],
    ["{N}", 7, midMarch2026, "7"],
    ["INV{YYYY}{MM}-{NNN}", 5, midMarch2026, "INV202603-005"],
    ["F{YYYY}-{NNNNNN}", 1, midMarch2026, "F2026-000001"],
    ["{YY}{NNN}", 1, new Date("2009-05-01T12:00:00Z"), "09001"],
    // Padding overflow: the number grows instead of being cut.
    ["{YYYY}-{NNNN}", 9999, midMarch2026, "2026-9999"],
    ["{YYYY}-{NNNN}", 10000, midMarch2026, "2026-10000"],
    ["{N}", 10, midMarch2026, "10"],
    // Year boundary in Brussels time (UTC says 2026 for both).
    ["{YYYY}-{NNNN}", 812, lastMinuteOf2026, "2026-0812"],
    ["{YYYY}-{NNNN}", 1, firstMinuteOf2027, "2027-0001"],
    ["F{YY}{MM}/{NNN}", 1, lastMinuteOf2026, "F2612/001"],
    ["F{YY}{MM}/{NNN}", 1, firstMinuteOf2027, "F2701/001"],
  ])("%s with #%i on %s → %s", (pattern, sequence, date, number) => {
    expect(formatDocumentNumber(pattern, { sequence, date })).toBe(number);
  });

  it.each([0, -1, 1.5, Number.NaN, 2 ** 53])("refuses sequence %d", (sequence) => {
    expect(() => formatDocumentNumber("{NNNN}", { sequence, date: midMarch2026 })).toThrow(
      RangeError,
    );
  });

  it("refuses an invalid pattern with its problems", () => {
    expect(() => formatDocumentNumber("{YYYY}", { sequence: 1, date: midMarch2026 })).toThrow(
      expect.objectContaining({
        name: "InvalidNumberPatternError",
        problems: [{ code: "missing_sequence" }],
      }) as InvalidNumberPatternError,
    );
  });
});
