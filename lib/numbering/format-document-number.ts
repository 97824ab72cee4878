import { getBrusselsDate } from "@/lib/calendar/brussels-date";
import { parseNumberPattern, type NumberPatternProblem } from "./parse-number-pattern";

/** Thrown for a pattern that should have been refused when the series was saved. */
export class InvalidNumberPatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly problems: NumberPatternProblem[],
  ) {
    super(
      `Invalid number pattern ${JSON.stringify(pattern)}: ${problems.map((p) => p.code).join(", ")}`,
    );
    this.name = "InvalidNumberPatternError";
  }
}

/**
 * `formatDocumentNumber("F{YY}/{NNNNN}", { sequence: 42, date })` → `F26/00042`.
 * The date is read in Brussels time (see `getBrusselsDate`). A sequence wider than its
 * padding is written in full (`{NNNN}` with 10000 → `10000`): truncating would repeat
 * an earlier number.
 */
export function formatDocumentNumber(
  pattern: string,
  { sequence, date }: { sequence: number; date: Date },
): string {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`A sequence is a positive integer, got ${sequence}`);
  }
  const parsed = parseNumberPattern(pattern);
  if (!parsed.ok) throw new InvalidNumberPatternError(pattern, parsed.problems);
  const { year, month } = getBrusselsDate(date);
  return parsed.parts
    .map((part) => {
      switch (part.kind) {
        case "literal":
          return part.text;
        case "year4":
          return String(year);
        case "year2":
          return String(year % 100).padStart(2, "0");
        case "month":
          return String(month).padStart(2, "0");
        case "sequence":
          return String(sequence).padStart(part.width, "0");
      }
    })
    .join("");
}
