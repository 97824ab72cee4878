/**
 * When a Belgian buyer is on neither Peppol scheme, the look-up is repeated: after a
 * quarter of an hour, an hour, four, twelve, then daily and every other day; about a
 * week in all, long enough for a buyer who was asked to register to do so.
 */
const DELAYS_SECONDS = [15 * 60, 60 * 60, 4 * 3600, 12 * 3600, 24 * 3600, 48 * 3600, 96 * 3600];

/** The wait before the next look-up after `lookups` failed ones, or null: give up. */
export function nextLookupDelaySeconds(lookups: number): number | null {
  return DELAYS_SECONDS[lookups - 1] ?? null;
}

/** How many look-ups are made before the transmission fails (the first one included). */
export const MAX_LOOKUPS = DELAYS_SECONDS.length + 1;
