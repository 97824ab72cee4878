import { divideRoundHalfAway } from "@/lib/money/round-half-away";

/**
 * Splits an integer `target` into one share per line, each close to
 * numerator / denominator, so that the shares add up to the target exactly.
 * Each share is rounded on its own first; the leftover cents then go, one at a
 * time, to the lines whose rounding lost the most in that direction (ties: the
 * earlier line), cycling if a fixed amount leaves more cents than lines.
 * Works with negative lines, unlike allocation by ratio of a possibly zero sum.
 */
export function allocateByRemainder(
  target: bigint,
  numerators: readonly bigint[],
  denominator: bigint,
): bigint[] {
  const shares = numerators.map((n) => divideRoundHalfAway(n, denominator));
  const lost = numerators.map((n, i) => n - (shares[i] ?? 0n) * denominator);
  let residual = target - shares.reduce((sum, share) => sum + share, 0n);
  if (residual === 0n || shares.length === 0) return shares;

  const step = residual > 0n ? 1n : -1n;
  const order = shares
    .map((_, i) => i)
    .sort((a, b) => {
      const diff = ((lost[b] ?? 0n) - (lost[a] ?? 0n)) * step;
      return diff > 0n ? 1 : diff < 0n ? -1 : a - b;
    });
  for (let k = 0; residual !== 0n; k = (k + 1) % order.length) {
    const index = order[k] ?? 0;
    shares[index] = (shares[index] ?? 0n) + step;
    residual -= step;
  }
  return shares;
}
