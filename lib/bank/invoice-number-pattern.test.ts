import { describe, expect, it } from "vitest";
import { invoiceNumberPattern } from "./invoice-number-pattern";

describe("invoiceNumberPattern", () => {
  const pattern = invoiceNumberPattern("F2026-000123");

  it.each([
    "F2026-000123",
    "factuur f2026-000123",
    "Facture F 2026 000123 merci",
    "F2026000123",
    "F2026/000123",
    "F2026.000123",
    "(F2026-000123)",
    "F2026-0001 23",
    "inv:F2026-000123,F2026-000999",
  ])("finds it in %j", (text) => {
    expect(pattern?.test(text)).toBe(true);
  });

  it.each(["F2026-0001234", "XF2026-000123", "F2026-000124", "2026-000123", "F2026-00123", ""])(
    "does not find it in %j",
    (text) => {
      expect(pattern?.test(text)).toBe(false);
    },
  );

  it.each(["", "12", "ABCD", "A-1"])("refuses number %j as too weak to search for", (number) => {
    expect(invoiceNumberPattern(number)).toBeUndefined();
  });

  it("never interprets the number as a regular expression", () => {
    // Only letters and digits are kept: ".*" must not match "xyz".
    expect(invoiceNumberPattern("2026.*(1)")?.test("2026xyz1")).toBe(false);
    expect(invoiceNumberPattern("2026.*(1)")?.test("2026-1")).toBe(true);
  });
});
