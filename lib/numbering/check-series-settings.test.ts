import { describe, expect, it } from "vitest";
import { checkSeriesSettings } from "./check-series-settings";

describe("checkSeriesSettings", () => {
  it.each([
    ["{YYYY}-{NNNN}", true],
    ["F{YY}/{NNNNN}", true],
    ["{YYYY}-{NNNN}", false],
    // Legal: one sequence for ever, no year in the number.
    ["{NNNN}", false],
  ])("accepts %j with yearly restart %s", (pattern, yearlyRestart) => {
    expect(checkSeriesSettings({ pattern, yearlyRestart })).toEqual([]);
  });

  it.each([
    // Restarting without the year would issue 0001 again next year.
    ["{NNNN}", true, [{ code: "restart_without_year" }]],
    ["F{MM}-{NNNN}", true, [{ code: "restart_without_year" }]],
    ["{YYYY}", false, [{ code: "missing_sequence" }]],
    ["{YYYY}", true, [{ code: "missing_sequence" }]],
  ])("refuses %j with yearly restart %s", (pattern, yearlyRestart, problems) => {
    expect(checkSeriesSettings({ pattern, yearlyRestart })).toEqual(problems);
  });
});
