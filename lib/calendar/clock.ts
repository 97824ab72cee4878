/**
 * Where an operation reads the time. Every operation (`lib/<domain>/<verb-noun>.ts`)
 * takes a `Clock` as its last argument instead of calling `new Date()`, so a test
 * can fix "now" (a finalisation on 31 December at 23:30 UTC is dated 1 January in
 * Brussels) and one operation sees a single "now" from start to end.
 */
export interface Clock {
  now(): Date;
}

/** The real time: what entry points (actions, routes, jobs) pass. */
export const systemClock: Clock = { now: () => new Date() };

/** Always the given instant (tests, replays). */
export function fixedClock(instant: Date | string): Clock {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError("Invalid date");
  return { now: () => new Date(at) };
}
