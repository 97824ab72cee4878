import { describe, expect, it } from "vitest";
import { formatQuantity } from "@/lib/money";
import { computeDocumentTotals } from "./compute-totals";
import type { DocumentLineInput, DocumentTotals, PriceMode } from "./document-totals-types";
import { vatGroupKey, type VatTreatment } from "./vat-category";

/** mulberry32: a tiny seeded PRNG, so a failing case can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Independent oracle in plain doubles (all products stay far below 2^53).
const roundDiv = (n: number, d: number) =>
  Math.sign(n) * Math.floor((2 * Math.abs(n) + d) / (2 * d)) + 0; // + 0 turns -0 into 0
const TREATMENTS: VatTreatment[] = [
  { category: "S", rateBp: 2100 },
  { category: "S", rateBp: 1200 },
  { category: "S", rateBp: 600 },
  { category: "Z", rateBp: 0 },
  { category: "AE", rateBp: 0 },
];

function randomDocument(random: () => number): DocumentLineInput[] {
  const int = (max: number) => Math.floor(random() * (max + 1));
  const pick = <T>(items: readonly T[]): T => items[int(items.length - 1)] as T;
  const modes = new Map(TREATMENTS.map((t) => [vatGroupKey(t), pick<PriceMode>(["excl", "incl"])]));
  return Array.from({ length: 1 + int(7) }, () => {
    const treatment = pick(TREATMENTS);
    const thousandths =
      (random() < 0.1 ? -1 : 1) * int(random() < 0.5 ? 10 : 20_000) * pick([1, 1000]);
    return {
      quantity: formatQuantity({ thousandths }),
      unitPriceCents: int(pick([99, 9_999, 100_000])),
      priceMode: modes.get(vatGroupKey(treatment)) ?? "excl",
      discountBp: random() < 0.3 ? int(5000) : undefined,
      vatCategory: treatment.category,
      vatRateBp: treatment.rateBp,
    };
  });
}

function lineTotalInMode(line: DocumentLineInput): number {
  const amount = roundDiv(line.unitPriceCents * Math.round(Number(line.quantity) * 1000), 1000);
  return amount - roundDiv(amount * (line.discountBp ?? 0), 10_000);
}

function expectColumnsAddUp(lines: DocumentLineInput[], result: DocumentTotals) {
  const sum = (pick: (l: DocumentTotals["lines"][number]) => number) =>
    result.lines.reduce((total, l) => total + pick(l), 0);
  expect(sum((l) => l.netCents)).toBe(result.netCents);
  expect(sum((l) => l.vatCents)).toBe(result.vatCents);
  expect(sum((l) => l.grossCents)).toBe(result.grossCents);
  expect(result.netCents + result.vatCents).toBe(result.grossCents);
  result.lines.forEach((l, i) => {
    expect(l.netCents + l.vatCents).toBe(l.grossCents);
    const input = lines[i] as DocumentLineInput;
    const entered = input.priceMode === "excl" ? l.netCents : l.grossCents;
    expect(entered).toBe(lineTotalInMode(input));
  });
}

const CASES = 400;

describe("computeDocumentTotals properties", () => {
  it(`holds for ${CASES} generated documents`, () => {
    const random = prng(20_260_301);
    for (let n = 0; n < CASES; n++) {
      const lines = randomDocument(random);
      const result = computeDocumentTotals(lines, { currency: "EUR" });
      expectColumnsAddUp(lines, result);
      for (const entry of result.vatBreakdown) {
        const members = lines.filter(
          (l) =>
            vatGroupKey({ category: l.vatCategory, rateBp: l.vatRateBp }) === vatGroupKey(entry),
        );
        const entered = members.reduce((total, l) => total + lineTotalInMode(l), 0);
        const exactVat = roundDiv(entry.taxableCents * entry.rateBp, 10_000);
        if (members[0]?.priceMode === "excl") {
          expect(entry.taxableCents).toBe(entered);
          expect(entry.vatCents).toBe(exactVat); // BR-CO-17 on the group total
        } else {
          expect(entry.grossCents).toBe(entered);
          expect(Math.abs(entry.vatCents - exactVat)).toBeLessThanOrEqual(1);
        }
        expect(entry.vatDifferenceCents).toBe(0);
      }
      result.lines.forEach((l, i) => {
        const rateBp = (lines[i] as DocumentLineInput).vatRateBp;
        expect(Math.abs(l.vatCents * 10_000 - l.netCents * rateBp)).toBeLessThanOrEqual(
          10_000 + rateBp,
        );
      });
    }
  });

  it(`keeps columns consistent with fixed VAT for ${CASES} generated documents`, () => {
    const random = prng(42);
    for (let n = 0; n < CASES; n++) {
      const lines = randomDocument(random);
      const computed = computeDocumentTotals(lines, { currency: "EUR" });
      const offsets = computed.vatBreakdown.map((e) =>
        e.category === "S" ? Math.floor(random() * 7) - 3 : 0,
      );
      const fixedVat = computed.vatBreakdown.map((e, i) => ({
        ...e,
        vatCents: e.vatCents + (offsets[i] ?? 0),
      }));
      const result = computeDocumentTotals(lines, { currency: "EUR", fixedVat });
      expectColumnsAddUp(lines, result);
      expect(result.vatBreakdown.map((e) => e.vatDifferenceCents)).toEqual(offsets);
      expect(result.vatBreakdown.every((e) => e.vatSource === "fixed")).toBe(true);
    }
  });
});
