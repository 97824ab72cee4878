/**
 * A merchant moving from another tool sets the number to continue from (their last
 * invoice was 2026-0147, so the next is 148). That start belongs to one counter period:
 * it must not carry over into next year's counter of a yearly series.
 */
export interface MigrationStart {
  periodKey: string;
  nextSequence: number;
}

export interface CounterState {
  /** Period key of the counter the document draws from (see `seriesPeriodKey`). */
  periodKey: string;
  /** Highest sequence Facturo already issued in that period, or null for none. */
  lastIssued: number | null;
  migrationStart: MigrationStart | null;
}

/**
 * The sequence the next document gets. Once Facturo has issued a number in the period,
 * the counter alone decides (last + 1): honouring a later-changed start would leave a
 * hole or repeat a number, and the series must stay gap-free.
 */
export function chooseNextSequence({
  periodKey,
  lastIssued,
  migrationStart,
}: CounterState): number {
  if (lastIssued !== null) return lastIssued + 1;
  if (migrationStart && migrationStart.periodKey === periodKey) return migrationStart.nextSequence;
  return 1;
}

export type MigrationStartProblem = "not_positive_integer" | "already_issued";

/**
 * Whether the merchant may set the next number of the current period now: only a
 * positive integer, and only before Facturo has issued anything in that period.
 */
export function checkMigrationStart(
  requested: number,
  counter: { lastIssued: number | null },
): MigrationStartProblem | null {
  if (!Number.isSafeInteger(requested) || requested < 1) return "not_positive_integer";
  return counter.lastIssued === null ? null : "already_issued";
}
