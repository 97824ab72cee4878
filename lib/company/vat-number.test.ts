import { describe, expect, it } from "vitest";
import {
  checkBelgianVatNumber,
  formatBelgianVatNumber,
  normaliseBelgianVatNumber,
} from "./vat-number";

const valid = ["0403170701", "0202639631", "0876921372", "1234567894", "0123456749", "1012345646"];

describe("Belgian VAT numbers", () => {
  describe.each(valid)("valid %s", (digits) => {
    const dotted = `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
    const dashed = `${digits.slice(0, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
    it.each([
      digits,
      `BE${digits}`,
      `BE ${dotted}`,
      `be${dashed}`,
      ` be ${digits} `,
      `BE/${digits}`,
    ])("accepts %j", (input) => {
      expect(checkBelgianVatNumber(input)).toBeNull();
      expect(normaliseBelgianVatNumber(input)).toBe(`BE${digits}`);
    });
  });

  it.each([
    ["403170701", "BE0403170701"],
    ["BE 202.639.631", "BE0202639631"],
    ["876921372", "BE0876921372"],
  ])("reads legacy 9-digit %j as %s", (input, normalised) => {
    expect(normaliseBelgianVatNumber(input)).toBe(normalised);
    expect(checkBelgianVatNumber(input)).toBeNull();
  });

  it.each([
    ["BE0403170702", "checksum"],
    ["0123456748", "checksum"],
    ["1012345645", "checksum"],
    // A wrong digit in the first 8 must change the expected check digits too.
    ["0403170801", "checksum"],
    ["2123456789", "first_digit"],
    ["BE9876543210", "first_digit"],
    ["BE012345674", "checksum"], // 9 digits → legacy BE0012345674, whose checksum fails
    ["12345678", "format"],
    ["04031707011", "format"],
    ["", "format"],
    ["BE0403A70701", "format"],
    ["NL0403170701", "format"],
    ["BEBE0403170701", "format"],
  ])("rejects %j (%s)", (input, problem) => {
    expect(checkBelgianVatNumber(input)).toBe(problem);
  });

  it("formats the printed form", () => {
    expect(formatBelgianVatNumber("BE0123456749")).toBe("BE 0123.456.749");
  });
});
