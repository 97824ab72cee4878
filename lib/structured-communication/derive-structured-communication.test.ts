import { describe, expect, it } from "vitest";
import {
  deriveCommunicationBase,
  deriveStructuredCommunication,
  type DocumentReferenceInput,
  type SeriesSlot,
} from "./derive-structured-communication";
import { parseStructuredCommunication } from "./parse-structured-communication";

describe("deriveStructuredCommunication", () => {
  it.each([
    [0, 2026, 1, "0260000001", "026000000137"],
    [1, 2026, 123, "1260000123", "126000012396"],
    [2, 2027, 9_999_999, "2279999999", "227999999961"],
    [0, 2099, 1_234_567, "0991234567", "099123456706"],
    [0, 2000, 1, "0000000001", "000000000101"],
    // Remainder 0 → check digits 97.
    [0, 2026, 61, "0260000061", "026000006197"],
    [0, 2026, 158, "0260000158", "026000015897"],
  ] as const)("slot %i, %i, #%i → %s → %s", (seriesSlot, year, sequence, base, digits) => {
    const input = { seriesSlot, year, sequence };
    expect(deriveCommunicationBase(input)).toEqual({ ok: true, base });
    expect(deriveStructuredCommunication(input)).toEqual({ ok: true, digits });
    expect(parseStructuredCommunication(digits)).toEqual({ ok: true, digits });
  });

  it("gives different references to the same year and sequence in different series", () => {
    const slots: SeriesSlot[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const refs = slots.map((seriesSlot) =>
      deriveStructuredCommunication({ seriesSlot, year: 2026, sequence: 42 }),
    );
    expect(new Set(refs.map((r) => (r.ok ? r.digits : r.problem))).size).toBe(10);
  });

  it("gives different references to the same sequence in different years", () => {
    const a = deriveStructuredCommunication({ seriesSlot: 0, year: 2026, sequence: 1 });
    const b = deriveStructuredCommunication({ seriesSlot: 0, year: 2027, sequence: 1 });
    expect(a).not.toEqual(b);
  });

  it.each([
    [{ seriesSlot: 10 as SeriesSlot, year: 2026, sequence: 1 }, "series_slot"],
    [{ seriesSlot: -1 as SeriesSlot, year: 2026, sequence: 1 }, "series_slot"],
    [{ seriesSlot: 1.5 as SeriesSlot, year: 2026, sequence: 1 }, "series_slot"],
    [{ seriesSlot: 0, year: 1999, sequence: 1 }, "year"],
    [{ seriesSlot: 0, year: 2100, sequence: 1 }, "year"],
    [{ seriesSlot: 0, year: 2026.5, sequence: 1 }, "year"],
    [{ seriesSlot: 0, year: 2026, sequence: 0 }, "sequence"],
    [{ seriesSlot: 0, year: 2026, sequence: -3 }, "sequence"],
    [{ seriesSlot: 0, year: 2026, sequence: 2.5 }, "sequence"],
    // Never truncate: 10 000 000 would otherwise collide with sequence 0 or 1 000 000.
    [{ seriesSlot: 0, year: 2026, sequence: 10_000_000 }, "sequence"],
  ] satisfies [DocumentReferenceInput, string][])("refuses %j: %s", (input, problem) => {
    expect(deriveStructuredCommunication(input)).toEqual({ ok: false, problem });
  });
});
