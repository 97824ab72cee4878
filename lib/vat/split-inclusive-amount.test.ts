import { describe, expect, it } from "vitest";
import { divideRoundHalfAway } from "@/lib/money/round-half-away";
import { splitInclusiveAmount } from "./split-inclusive-amount";

describe("splitInclusiveAmount", () => {
  it.each([
    [999n, 600, 942n, 57n],
    [1999n, 2100, 1652n, 347n],
    [3n, 2100, 2n, 1n], // no net n has n + round(0.21 n) = 3
    [-1999n, 2100, -1652n, -347n],
    [1000n, 0, 1000n, 0n],
    [0n, 2100, 0n, 0n],
  ])("%s at %i bp → net %s + VAT %s", (gross, rateBp, netCents, vatCents) => {
    expect(splitInclusiveAmount(gross, rateBp)).toEqual({ netCents, vatCents });
  });

  it.each([600, 1200, 2100, 550, 2500])(
    "at %i bp: sums exactly, and VAT = round(net × rate) whenever some net allows it",
    (rateBp) => {
      const rate = BigInt(rateBp);
      const vatOf = (net: bigint) => divideRoundHalfAway(net * rate, 10_000n);
      const reachable = new Set<bigint>();
      for (let net = -3000n; net <= 3000n; net++) reachable.add(net + vatOf(net));
      for (let gross = -2000n; gross <= 2000n; gross++) {
        const { netCents, vatCents } = splitInclusiveAmount(gross, rateBp);
        expect(netCents + vatCents).toBe(gross);
        const drift = vatCents - vatOf(netCents);
        expect(drift === 0n || (!reachable.has(gross) && (drift === 1n || drift === -1n))).toBe(
          true,
        );
      }
    },
  );
});
