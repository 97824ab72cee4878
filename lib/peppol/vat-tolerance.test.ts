import { describe, expect, it } from "vitest";
import { vatWithinTolerance } from "./vat-tolerance";

describe("vatWithinTolerance (BR-CO-17 / BR-S-09 as compiled)", () => {
  it("accepts the exact per-rate VAT", () => {
    expect(vatWithinTolerance(2616, 549, 2100)).toBe(true);
  });

  it("accepts Shopify's per-line sum a cent or two away", () => {
    expect(vatWithinTolerance(2616, 550, 2100)).toBe(true);
    expect(vatWithinTolerance(2616, 547, 2100)).toBe(true);
  });

  it("accepts anything strictly under one currency unit off, nothing from one unit on", () => {
    expect(vatWithinTolerance(10_000, 2100 + 99, 2100)).toBe(true);
    expect(vatWithinTolerance(10_000, 2100 + 100, 2100)).toBe(false);
    expect(vatWithinTolerance(10_000, 2100 - 100, 2100)).toBe(false);
  });

  it("works on absolute values (credit notes, negative groups)", () => {
    expect(vatWithinTolerance(-2616, -550, 2100)).toBe(true);
  });

  it("the inconsistent Shopify docs sample is out (11.94 on 587.00 at 6 %)", () => {
    expect(vatWithinTolerance(58_700, 1194, 600)).toBe(false);
  });

  it("zero-rate groups carry no VAT", () => {
    expect(vatWithinTolerance(5000, 0, 0)).toBe(true);
    expect(vatWithinTolerance(5000, 1, 0)).toBe(false);
  });
});
