import { appendFileSync, mkdirSync } from "node:fs";
import path from "node:path";

/**
 * The fault suite's scoreboard. Each case reports what it tried and what went
 * wrong; `npm run test:faults` sums the reports of every file and fails unless
 * lost, duplicated and 5xx are all zero. Reports are appended as JSON lines to one
 * file per run, so cases in parallel workers (and child processes) add up.
 */
export interface FaultCounts {
  /** Cases (requests, orders, finalisations) the suite tried. */
  tried: number;
  /** Inputs that should have left a trace (a document, a row) and left none. */
  lost: number;
  /** Inputs that left more than one trace. */
  duplicated: number;
  /** Responses with a 5xx status. */
  serverErrors: number;
}

export const TALLY_FILE_ENV = "FACTURO_FAULT_TALLY";

export function recordFaults(suite: string, counts: Partial<FaultCounts>): void {
  const file = process.env[TALLY_FILE_ENV];
  if (!file)
    throw new Error(`${TALLY_FILE_ENV} is not set: run the suite with npm run test:faults`);
  mkdirSync(path.dirname(file), { recursive: true });
  const row: FaultCounts & { suite: string } = {
    suite,
    tried: counts.tried ?? 0,
    lost: counts.lost ?? 0,
    duplicated: counts.duplicated ?? 0,
    serverErrors: counts.serverErrors ?? 0,
  };
  appendFileSync(file, `${JSON.stringify(row)}\n`);
}
