import { describe, expect, it } from "vitest";
import { monetaryTotals } from "./monetary-totals";
import type { UblTaxSubtotal } from "./tax-subtotals";
import { UblError } from "./ubl-error";
import type { UblLine } from "./ubl-input";

const line = (netCents: number): UblLine => ({
  description: "x",
  quantity: "1",
  unitPriceCents: netCents,
  priceMode: "excl",
  discountBp: 0,
  vatCategory: "S",
  vatRateBp: 2100,
  netCents,
  vatCents: 0,
  grossCents: netCents,
});

const s21 = (taxableCents: number, vatCents: number): UblTaxSubtotal => ({
  category: "S",
  rateBp: 2100,
  taxableCents,
  vatCents,
  exemption: null,
});

describe("monetaryTotals", () => {
  it("unpaid: payable = net + VAT, no prepaid, no rounding", () => {
    expect(
      monetaryTotals([line(2616)], [s21(2616, 550)], {
        netCents: 2616,
        vatCents: 550,
        grossCents: 3166,
        paidCents: 0,
      }),
    ).toEqual({
      lineExtensionCents: 2616,
      taxExclusiveCents: 2616,
      taxInclusiveCents: 3166,
      prepaidCents: null,
      roundingCents: null,
      payableCents: 3166,
    });
  });

  it("paid (Shopify): prepaid = total, payable 0", () => {
    const totals = monetaryTotals([line(1000)], [s21(1000, 210)], {
      netCents: 1000,
      vatCents: 210,
      grossCents: 1210,
      paidCents: 1210,
    });
    expect(totals).toMatchObject({ prepaidCents: 1210, payableCents: 0 });
  });

  it("a total that is not net + VAT (cash rounding) becomes BT-114", () => {
    const totals = monetaryTotals([line(1000)], [s21(1000, 212)], {
      netCents: 1000,
      vatCents: 212,
      grossCents: 1210,
      paidCents: 0,
    });
    expect(totals).toMatchObject({
      taxInclusiveCents: 1212,
      roundingCents: -2,
      payableCents: 1210,
    });
  });

  it("refuses totals that are not the sums (BR-CO-10, BR-CO-14, BR-CO-15)", () => {
    const run = (totals: Parameters<typeof monetaryTotals>[2]) => () =>
      monetaryTotals([line(1000)], [s21(1000, 210)], totals);
    expect(run({ netCents: 999, vatCents: 210, grossCents: 1209, paidCents: 0 })).toThrow(
      /BR-CO-10/,
    );
    expect(run({ netCents: 1000, vatCents: 211, grossCents: 1211, paidCents: 0 })).toThrow(
      /BR-CO-14/,
    );
    expect(run({ netCents: 1000, vatCents: 210, grossCents: 1400, paidCents: 0 })).toThrow(
      UblError,
    );
  });
});
