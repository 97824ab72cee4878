import { describe, expect, it } from "vitest";
import { documentNote } from "./document-note";
import { setAsideOutOfScope } from "./out-of-scope";
import { priced, BE_CONSUMER, SELLER } from "./ubl-cases.test-support";

const header = {
  kind: "invoice",
  number: "F2026-000900",
  issueDate: "2026-11-20",
  dueDate: null,
  language: "en",
  seller: SELLER,
  buyer: BE_CONSUMER,
} as const;

const cake = {
  description: "Cake",
  quantity: "1",
  unitPriceCents: 2400,
  priceMode: "incl",
  vatCategory: "S",
  vatRateBp: 600,
} as const;
const tip = {
  description: "Tip",
  quantity: "1",
  unitPriceCents: 300,
  priceMode: "incl",
  vatCategory: "O",
  vatRateBp: 0,
} as const;

describe("setAsideOutOfScope (BR-O-11)", () => {
  it("sets O lines aside when they share the document, keeping total − paid", () => {
    const input = priced({ ...header, paid: "all" }, [cake, tip]);
    const split = setAsideOutOfScope(input);
    expect(split.setAside.map((l) => l.description)).toEqual(["Tip"]);
    expect(split.setAsideCents).toBe(300);
    expect(split.input.lines).toHaveLength(1);
    expect(split.input.vatBreakdown.map((e) => e.category)).toEqual(["S"]);
    expect(split.input.totals).toEqual({
      netCents: 2264,
      vatCents: 136,
      grossCents: 2400,
      paidCents: 2400,
    });
    const before = input.totals.grossCents - input.totals.paidCents;
    expect(split.input.totals.grossCents - split.input.totals.paidCents).toBe(before);
  });

  it("unpaid: the UBL asks for the supplies only", () => {
    const split = setAsideOutOfScope(priced(header, [cake, tip]));
    expect(split.input.totals).toMatchObject({ grossCents: 2400, paidCents: 0 });
  });

  it("leaves a document of O lines only (or without O lines) whole", () => {
    const onlyTip = priced(header, [tip]);
    expect(setAsideOutOfScope(onlyTip).input).toBe(onlyTip);
    const onlyCake = priced(header, [cake]);
    expect(setAsideOutOfScope(onlyCake).setAside).toEqual([]);
  });
});

describe("documentNote (one note, PEPPOL-EN16931-R002)", () => {
  it("names what was set aside", () => {
    const split = setAsideOutOfScope(priced(header, [cake, tip]));
    expect(
      documentNote({ kind: "invoice", language: "en", currency: "EUR", vatCents: 136, ...split }),
    ).toBe("Not in this e-invoice (outside the scope of VAT): Tip 3.00 EUR.");
  });

  it("carries the Belgian credit-note VAT mention when VAT is corrected", () => {
    const note = {
      kind: "credit_note",
      language: "nl",
      currency: "EUR",
      setAside: [],
      setAsideCents: 0,
    } as const;
    expect(documentNote({ ...note, vatCents: 955 })).toBe(
      "Btw terug te storten aan de Staat in de mate waarin zij oorspronkelijk in aftrek werd gebracht.",
    );
    expect(documentNote({ ...note, vatCents: 0 })).toBeNull();
  });
});
