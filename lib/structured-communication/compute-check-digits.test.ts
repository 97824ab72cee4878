import { describe, expect, it } from "vitest";
import { computeCheckDigits } from "./compute-check-digits";
import { createStructuredCommunication } from "./create-structured-communication";
import { formatStructuredCommunication } from "./format-structured-communication";

// The five worked examples of docs/belgian-invoicing.md §1.3: base = 2026 + 6-digit sequence.
const workedExamples = [
  ["2026000001", "92", "+++202/6000/00192+++"],
  ["2026000123", "20", "+++202/6000/12320+++"],
  ["2026004567", "02", "+++202/6004/56702+++"],
  ["2026999999", "20", "+++202/6999/99920+++"],
  ["2026000006", "97", "+++202/6000/00697+++"],
] as const;

describe("computeCheckDigits / createStructuredCommunication", () => {
  it.each(workedExamples)("%s → check %s → %s", (base, check, printed) => {
    expect(computeCheckDigits(base)).toBe(check);
    expect(formatStructuredCommunication(createStructuredCommunication(base))).toBe(printed);
  });

  it.each([
    // Remainder 0 gives 97, never 00.
    ["0000000000", "97"],
    ["0000000097", "97"],
    ["0000000194", "97"],
    ["0260000061", "97"],
    // Published examples and the OGM of the OCA CODA fixture.
    ["0108068171", "83"],
    ["0909337554", "93"],
    ["1234567890", "02"],
    ["2402838428", "18"],
    ["9999999999", "48"],
  ])("%s → %s", (base, check) => {
    expect(computeCheckDigits(base)).toBe(check);
  });

  it.each(["", "123456789", "12345678901", "20260000a1", " 2026000001", "2026-00001"])(
    "refuses base %j",
    (base) => {
      expect(() => computeCheckDigits(base)).toThrow(RangeError);
    },
  );
});
