import { describe, expect, it } from "vitest";
import { buildTaxSubtotals } from "./tax-subtotals";
import { UblError } from "./ubl-error";
import type { UblLine } from "./ubl-input";

const line = (
  vatCategory: UblLine["vatCategory"],
  vatRateBp: number,
  netCents: number,
): UblLine => ({
  description: "x",
  quantity: "1",
  unitPriceCents: Math.abs(netCents),
  priceMode: "excl",
  discountBp: 0,
  vatCategory,
  vatRateBp,
  netCents,
  vatCents: 0,
  grossCents: netCents,
});

const context = { language: "en" as const, buyerVatNumber: "NL123456789B01" };

function error(run: () => unknown): UblError {
  try {
    run();
  } catch (e) {
    if (e instanceof UblError) return e;
  }
  throw new Error("expected a UblError");
}

describe("buildTaxSubtotals", () => {
  it("one subtotal per breakdown entry, with exemption reasons where needed", () => {
    const subtotals = buildTaxSubtotals(
      [line("S", 2100, 10_000), line("S", 600, 3600), line("AE", 0, 5000)],
      [
        { category: "S", rateBp: 2100, taxableCents: 10_000, vatCents: 2100 },
        { category: "S", rateBp: 600, taxableCents: 3600, vatCents: 216 },
        { category: "AE", rateBp: 0, taxableCents: 5000, vatCents: 0 },
      ],
      context,
    );
    expect(subtotals.map((s) => [s.category, s.rateBp, s.exemption?.code ?? null])).toEqual([
      ["S", 2100, null],
      ["S", 600, null],
      ["AE", 0, "VATEX-EU-AE"],
    ]);
  });

  it("drops an all-zero breakdown without lines, refuses one with amounts (BR-S-08)", () => {
    const lines = [line("S", 2100, 1000)];
    const s21 = { category: "S", rateBp: 2100, taxableCents: 1000, vatCents: 210 } as const;
    expect(
      buildTaxSubtotals(
        lines,
        [s21, { category: "Z", rateBp: 0, taxableCents: 0, vatCents: 0 }],
        context,
      ),
    ).toHaveLength(1);
    expect(
      error(() =>
        buildTaxSubtotals(
          lines,
          [s21, { category: "S", rateBp: 600, taxableCents: 100, vatCents: 6 }],
          context,
        ),
      ).rule,
    ).toBe("BR-S-08");
  });

  it("refuses lines that do not add up to the taxable amount", () => {
    const e = error(() =>
      buildTaxSubtotals(
        [line("K", 0, 1000)],
        [{ category: "K", rateBp: 0, taxableCents: 1001, vatCents: 0 }],
        context,
      ),
    );
    expect({ code: e.code, rule: e.rule }).toEqual({
      code: "breakdown_mismatch",
      rule: "BR-IC-08",
    });
  });

  it("refuses lines without breakdown (BR-CO-18)", () => {
    expect(error(() => buildTaxSubtotals([line("S", 2100, 1000)], [], context)).rule).toBe(
      "BR-CO-18",
    );
  });

  it("refuses VAT outside BR-CO-17's tolerance, accepts a cent off", () => {
    const lines = [line("S", 2100, 2616)];
    expect(
      buildTaxSubtotals(
        lines,
        [{ category: "S", rateBp: 2100, taxableCents: 2616, vatCents: 550 }],
        context,
      ),
    ).toHaveLength(1);
    const e = error(() =>
      buildTaxSubtotals(
        lines,
        [{ category: "S", rateBp: 2100, taxableCents: 2616, vatCents: 649 }],
        context,
      ),
    );
    expect({ code: e.code, rule: e.rule }).toEqual({
      code: "vat_outside_tolerance",
      rule: "BR-CO-17",
    });
  });

  it("refuses VAT on a category that carries none", () => {
    const e = error(() =>
      buildTaxSubtotals(
        [line("E", 0, 1000)],
        [{ category: "E", rateBp: 0, taxableCents: 1000, vatCents: 1 }],
        context,
      ),
    );
    expect(e.rule).toBe("BR-E-09");
  });
});
