import { describe, expect, it } from "vitest";
import { needsVatInEuro, vatInEuroAfterEdit, vatInEuroWithoutSource } from "./vat-in-euro";

describe("the VAT total in euro of a document in another currency", () => {
  it("is not stated for a EUR document, and is 0 when no VAT is charged", () => {
    expect(vatInEuroWithoutSource("EUR", 2100)).toBeNull();
    expect(vatInEuroWithoutSource("USD", 0)).toBe(0);
    expect(vatInEuroWithoutSource("USD", 1496)).toBeNull();
  });

  it("survives an edit only when the VAT did not change", () => {
    const before = { currency: "USD", totalVatCents: 1496, vatTotalEurCents: 1284 };
    expect(vatInEuroAfterEdit(before, 1496)).toBe(1284);
    expect(vatInEuroAfterEdit(before, 1500)).toBeNull();
    expect(vatInEuroAfterEdit(before, 0)).toBe(0);
  });

  it("blocks issuing a non-EUR document with VAT and no euro figure", () => {
    expect(needsVatInEuro({ currency: "USD", totalVatCents: 1496, vatTotalEurCents: null })).toBe(
      true,
    );
    expect(needsVatInEuro({ currency: "USD", totalVatCents: 1496, vatTotalEurCents: 1284 })).toBe(
      false,
    );
    expect(needsVatInEuro({ currency: "EUR", totalVatCents: 1496, vatTotalEurCents: null })).toBe(
      false,
    );
  });
});
