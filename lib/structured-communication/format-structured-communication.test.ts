import { describe, expect, it } from "vitest";
import { formatStructuredCommunication } from "./format-structured-communication";

describe("formatStructuredCommunication", () => {
  it.each([
    ["202600000192", "+++202/6000/00192+++"],
    ["000000000097", "+++000/0000/00097+++"],
  ])("%s → %s", (digits, printed) => {
    expect(formatStructuredCommunication(digits)).toBe(printed);
  });

  it.each(["", "20260000019", "2026000001920", "+++202/6000/00192+++"])(
    "refuses %j (not normalised 12 digits)",
    (input) => {
      expect(() => formatStructuredCommunication(input)).toThrow(RangeError);
    },
  );
});
