import { describe, expect, it } from "vitest";
import { checkMigrationStart, chooseNextSequence, type CounterState } from "./choose-next-sequence";

describe("chooseNextSequence", () => {
  it.each<[string, CounterState, number]>([
    ["a new series starts at 1", { periodKey: "all", lastIssued: null, migrationStart: null }, 1],
    ["the counter continues", { periodKey: "all", lastIssued: 41, migrationStart: null }, 42],
    [
      "a migrated series continues from the configured number",
      {
        periodKey: "2026",
        lastIssued: null,
        migrationStart: { periodKey: "2026", nextSequence: 148 },
      },
      148,
    ],
    [
      "after the first issue the counter wins over the configured number",
      {
        periodKey: "2026",
        lastIssued: 148,
        migrationStart: { periodKey: "2026", nextSequence: 148 },
      },
      149,
    ],
    [
      "a start configured later cannot make a hole",
      {
        periodKey: "2026",
        lastIssued: 12,
        migrationStart: { periodKey: "2026", nextSequence: 500 },
      },
      13,
    ],
    [
      "next year's counter of a yearly series restarts at 1",
      {
        periodKey: "2027",
        lastIssued: null,
        migrationStart: { periodKey: "2026", nextSequence: 148 },
      },
      1,
    ],
    [
      "a never-restarting series applies the start whatever the year",
      {
        periodKey: "all",
        lastIssued: null,
        migrationStart: { periodKey: "all", nextSequence: 9999 },
      },
      9999,
    ],
    ["past the padding", { periodKey: "all", lastIssued: 9999, migrationStart: null }, 10000],
  ])("%s", (_, state, next) => {
    expect(chooseNextSequence(state)).toBe(next);
  });
});

describe("checkMigrationStart", () => {
  it.each([
    [148, null, null],
    [1, null, null],
    [0, null, "not_positive_integer"],
    [-5, null, "not_positive_integer"],
    [1.5, null, "not_positive_integer"],
    [Number.NaN, null, "not_positive_integer"],
    [148, 10, "already_issued"],
    [11, 10, "already_issued"],
  ])("next %d after last issued %s → %s", (requested, lastIssued, problem) => {
    expect(checkMigrationStart(requested, { lastIssued })).toBe(problem);
  });
});
