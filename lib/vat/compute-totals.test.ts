import { describe, expect, it } from "vitest";
import { computeDocumentTotals } from "./compute-totals";
import type { DocumentLineInput } from "./document-totals-types";

const line = (overrides: Partial<DocumentLineInput> = {}): DocumentLineInput => ({
  quantity: "1",
  unitPriceCents: 1000,
  priceMode: "excl",
  vatCategory: "S",
  vatRateBp: 2100,
  ...overrides,
});
const totals = (lines: DocumentLineInput[]) => computeDocumentTotals(lines, { currency: "EUR" });

describe("computeDocumentTotals: one group", () => {
  it.each([
    // name, lines, net, vat, gross
    [
      "3 × 0.34 (0.335 parsed) at 21 %",
      [line({ quantity: "3", unitPriceCents: 34 })],
      102,
      21,
      123,
    ],
    ["0.335 kg × 3.00 at 21 %", [line({ quantity: "0.335", unitPriceCents: 300 })], 101, 21, 122],
    ["1.5 × 9.99 at 21 %", [line({ quantity: "1.5", unitPriceCents: 999 })], 1499, 315, 1814],
    ["21 % on 0.05", [line({ unitPriceCents: 5 })], 5, 1, 6],
    ["VAT of exactly half a cent rounds up", [line({ unitPriceCents: 250 })], 250, 53, 303],
    [
      "… and a negative half cent rounds down",
      [line({ quantity: "-1", unitPriceCents: 250 })],
      -250,
      -53,
      -303,
    ],
    ["10 % discount on 33.33", [line({ unitPriceCents: 3333, discountBp: 1000 })], 3000, 630, 3630],
    [
      "9.99 incl. 6 %",
      [line({ unitPriceCents: 999, priceMode: "incl", vatRateBp: 600 })],
      942,
      57,
      999,
    ],
    ["19.99 incl. 21 %", [line({ unitPriceCents: 1999, priceMode: "incl" })], 1652, 347, 1999],
    [
      "0.03 incl. 21 % (no exact split exists)",
      [line({ unitPriceCents: 3, priceMode: "incl" })],
      2,
      1,
      3,
    ],
    [
      "near 10^9 cents",
      [line({ unitPriceCents: 999_999_999 })],
      999_999_999,
      210_000_000,
      1_209_999_999,
    ],
    [
      "10^9 cents × 1000",
      [line({ quantity: "1000", unitPriceCents: 1_000_000_000 })],
      1e12,
      21e10,
      121e10,
    ],
    ["exempt art. 44", [line({ vatCategory: "E", vatRateBp: 0 })], 1000, 0, 1000],
    ["zero quantity", [line({ quantity: "0" })], 0, 0, 0],
    ["empty document", [], 0, 0, 0],
  ])("%s", (_name, lines, netCents, vatCents, grossCents) => {
    expect(totals(lines)).toMatchObject({ netCents, vatCents, grossCents });
  });
});

describe("computeDocumentTotals: per-rate VAT", () => {
  it("computes VAT on the rate's total, not per line (BR-CO-17)", () => {
    // Per line: 3 × round(2.52) = 9 cents; on the total: round(7.56) = 8.
    const result = totals([1, 2, 3].map(() => line({ unitPriceCents: 12 })));
    expect(result.vatCents).toBe(8);
    expect(result.lines.map((l) => l.vatCents)).toEqual([2, 3, 3]);
    expect(result.lines.map((l) => l.grossCents)).toEqual([14, 15, 15]);
  });

  it("keeps one breakdown entry per (category, rate), standard rates first", () => {
    const result = totals([
      line({ vatCategory: "K", vatRateBp: 0, unitPriceCents: 500 }),
      line({ vatRateBp: 600, unitPriceCents: 1000 }),
      line({ unitPriceCents: 2000 }),
      line({ vatRateBp: 600, unitPriceCents: 1050 }),
    ]);
    expect(
      result.vatBreakdown.map((e) => [e.category, e.rateBp, e.taxableCents, e.vatCents]),
    ).toEqual([
      ["S", 2100, 2000, 420],
      ["S", 600, 2050, 123],
      ["K", 0, 500, 0],
    ]);
    expect(result).toMatchObject({ netCents: 4550, vatCents: 543, grossCents: 5093 });
  });

  it("keeps the entered gross of each incl. line and shares the net out", () => {
    const result = totals([
      line({ priceMode: "incl", unitPriceCents: 999, vatRateBp: 600 }),
      line({ priceMode: "incl", unitPriceCents: 999, vatRateBp: 600, quantity: "2" }),
      line({ priceMode: "incl", unitPriceCents: 2499 }),
    ]);
    expect(result.lines.map((l) => l.grossCents)).toEqual([999, 1998, 2499]);
    expect(result.grossCents).toBe(999 + 1998 + 2499);
    const six = result.vatBreakdown.find((e) => e.rateBp === 600);
    expect(six).toMatchObject({ taxableCents: 2827, vatCents: 170, grossCents: 2997 });
  });

  it("nets a return line against a sale at the same rate", () => {
    const result = totals([
      line({ unitPriceCents: 1999 }),
      line({ quantity: "-1", unitPriceCents: 1999 }),
    ]);
    expect(result).toMatchObject({ netCents: 0, vatCents: 0, grossCents: 0 });
    expect(result.lines.map((l) => l.vatCents)).toEqual([420, -420]);
  });

  it("reports line amount, discount and net", () => {
    const [first] = totals([
      line({ quantity: "1.5", unitPriceCents: 3333, discountBp: 1000 }),
    ]).lines;
    expect(first).toEqual({
      quantityThousandths: 1500,
      amountCents: 5000, // 49.995 → 50.00
      discountCents: 500,
      netCents: 4500,
      vatCents: 945,
      grossCents: 5445,
    });
  });
});
