import { describe, expect, it } from "vitest";
import { computeDocumentTotals, type DocumentLineInput } from "@/lib/vat";
import { ublLinePrice } from "./line-price";
import { UblError } from "./ubl-error";
import type { UblLine } from "./ubl-input";

/** A line with the amounts lib/vat stores for it (alone in its group). */
function stored(input: DocumentLineInput, fixedVatCents?: number): UblLine {
  const totals = computeDocumentTotals([input], {
    currency: "EUR",
    fixedVat:
      fixedVatCents === undefined
        ? undefined
        : [{ category: input.vatCategory, rateBp: input.vatRateBp, vatCents: fixedVatCents }],
  });
  const amounts = totals.lines[0];
  if (!amounts) throw new Error("no line");
  // LineTotals' discountCents is the computed discount, not a fixed one given as input.
  const { discountCents: _computed, ...stored } = amounts;
  return { ...input, description: "x", discountBp: input.discountBp ?? 0, ...stored };
}

/** What PEPPOL-EN16931-R120 checks: quantity × price − allowance ≈ line net (0.02). */
function r120Gap(line: UblLine): number {
  const price = ublLinePrice(line, 0);
  const gross = Number(price.quantity) * Number(price.priceAmount);
  const allowance = (price.allowance?.amountCents ?? 0) / 100;
  return Math.abs(gross - allowance - price.lineExtensionCents / 100);
}

describe("ublLinePrice, prices excl. VAT", () => {
  it("keeps the entered price and the rounded discount, with its percentage", () => {
    const line = stored({
      quantity: "2",
      unitPriceCents: 2500,
      priceMode: "excl",
      discountBp: 1000,
      vatCategory: "S",
      vatRateBp: 2100,
    });
    expect(ublLinePrice(line, 0)).toEqual({
      quantity: "2",
      priceAmount: "25.00",
      allowance: { amountCents: 500, percentage: { baseCents: 5000, percent: "10" } },
      lineExtensionCents: 4500,
    });
  });

  it("handles fractional quantities (1.5 × 33.33 = 49.995 → 50.00)", () => {
    const line = stored({
      quantity: "1.5",
      unitPriceCents: 3333,
      priceMode: "excl",
      vatCategory: "S",
      vatRateBp: 1200,
    });
    const price = ublLinePrice(line, 0);
    expect(price).toMatchObject({
      quantity: "1.5",
      priceAmount: "33.33",
      allowance: null,
      lineExtensionCents: 5000,
    });
    expect(r120Gap(line)).toBeLessThanOrEqual(0.02);
  });

  it("refuses a stored net that is not amount − discount", () => {
    const line = {
      ...stored({
        quantity: "1",
        unitPriceCents: 1000,
        priceMode: "excl",
        vatCategory: "S",
        vatRateBp: 2100,
      }),
      netCents: 999,
    };
    expect(() => ublLinePrice(line, 0)).toThrow(UblError);
  });
});

describe("ublLinePrice, prices incl. VAT", () => {
  it("without discount: the net price is the stored net over the quantity", () => {
    const line = stored({
      quantity: "2",
      unitPriceCents: 2495,
      priceMode: "incl",
      vatCategory: "S",
      vatRateBp: 2100,
    });
    expect(ublLinePrice(line, 0)).toEqual({
      quantity: "2",
      priceAmount: "20.62",
      allowance: null,
      lineExtensionCents: 4124,
    });
  });

  it("with a discount: net before discount once, allowance = that − stored net", () => {
    // Shopify fixture eu-be-fixed-discount-rounding: 29.50 incl., 9.46 % off, fixed VAT.
    const line = stored(
      {
        quantity: "1",
        unitPriceCents: 2950,
        priceMode: "incl",
        discountBp: 946,
        vatCategory: "S",
        vatRateBp: 2100,
      },
      464,
    );
    const price = ublLinePrice(line, 0);
    expect(price.lineExtensionCents).toBe(2207);
    expect(price.priceAmount).toBe("24.38"); // round(29.50 / 1.21)
    expect(price.allowance).toEqual({
      amountCents: 231,
      percentage: { baseCents: 2438, percent: "9.46" },
    });
    expect(r120Gap(line)).toBeLessThanOrEqual(0.02);
  });

  it("a 100 % discount gives net 0 and the whole net price as allowance", () => {
    const line = stored({
      quantity: "2",
      unitPriceCents: 1450,
      priceMode: "incl",
      discountBp: 10_000,
      vatCategory: "S",
      vatRateBp: 2100,
    });
    const price = ublLinePrice(line, 0);
    expect(price).toMatchObject({ priceAmount: "11.985", lineExtensionCents: 0 });
    expect(price.allowance).toEqual({
      amountCents: 2397,
      percentage: { baseCents: 2397, percent: "100" },
    });
  });

  it("a negative-quantity discount line keeps a positive price (BR-27)", () => {
    const line = stored({
      quantity: "-1",
      unitPriceCents: 333,
      priceMode: "incl",
      vatCategory: "S",
      vatRateBp: 2100,
    });
    expect(ublLinePrice(line, 0)).toMatchObject({
      quantity: "-1",
      priceAmount: "2.75",
      lineExtensionCents: -275,
    });
  });

  it.each([
    ["3", 1999, 1000, 600],
    ["4", 795, 333, 2100],
    ["0.75", 1234, 0, 1200],
    ["12.345", 99, 150, 2100],
    ["-2", 4999, 2500, 600],
  ])(
    "quantity %s × %d incl., %d bp off, %d bp VAT stays within R120",
    (quantity, unit, discountBp, rateBp) => {
      const line = stored({
        quantity,
        unitPriceCents: unit,
        priceMode: "incl",
        discountBp,
        vatCategory: "S",
        vatRateBp: rateBp,
      });
      expect(r120Gap(line)).toBeLessThanOrEqual(0.02);
      expect(Number(ublLinePrice(line, 0).priceAmount)).toBeGreaterThanOrEqual(0);
    },
  );
});
