import { parseNumberPattern, type NumberPatternProblem } from "./parse-number-pattern";

export type SeriesSettingsProblem = NumberPatternProblem | { code: "restart_without_year" };

/**
 * A series as the merchant configures it. The pattern must be valid, and a yearly
 * restart needs the year in the number: `{NNNN}` restarting each January would issue
 * `0001` twice, and duplicate invoice numbers are not allowed.
 */
export function checkSeriesSettings(settings: {
  pattern: string;
  yearlyRestart: boolean;
}): SeriesSettingsProblem[] {
  const parsed = parseNumberPattern(settings.pattern);
  if (!parsed.ok) return parsed.problems;
  const hasYear = parsed.parts.some((part) => part.kind === "year4" || part.kind === "year2");
  return settings.yearlyRestart && !hasYear ? [{ code: "restart_without_year" }] : [];
}
