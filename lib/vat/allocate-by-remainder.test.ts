import { describe, expect, it } from "vitest";
import { allocateByRemainder } from "./allocate-by-remainder";

describe("allocateByRemainder", () => {
  it.each([
    ["per-rate VAT over 3 × 2.52", 8n, [252n, 252n, 252n], 100n, [2n, 3n, 3n]],
    ["under-rounded gets the cent", 3n, [140n, 160n], 100n, [1n, 2n]],
    ["negative lines", 0n, [21_000n, -21_000n], 100n, [210n, -210n]],
    ["cycles when the target is far off", 7n, [100n, 100n], 100n, [4n, 3n]],
    ["negative residual", -2n, [0n, 0n, 0n], 100n, [-1n, -1n, 0n]],
    ["no lines", 0n, [], 100n, []],
  ])("%s", (_name, target, numerators, denominator, expected) => {
    const shares = allocateByRemainder(target, numerators, denominator);
    expect(shares).toEqual(expected);
    expect(shares.reduce((a, b) => a + b, 0n)).toBe(target);
  });
});
