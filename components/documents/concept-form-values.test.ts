import { describe, expect, it } from "vitest";
import { conceptSchema } from "@/lib/documents/concept-schema";
import {
  basisPointsToPercentText,
  conceptToInput,
  defaultDueDate,
  newConceptInput,
} from "./concept-form-values";

describe("dates", () => {
  it("gives invoices 30 days and other documents no due date", () => {
    expect(defaultDueDate("invoice", "2026-03-01")).toBe("2026-03-31");
    expect(defaultDueDate("order_form", "2026-03-01")).toBe("");
  });
});

describe("basisPointsToPercentText", () => {
  it.each([
    [0, ""],
    [1000, "10"],
    [1050, "10.5"],
    [1255, "12.55"],
    [10_000, "100"],
  ])("%i bp → %j", (bp, text) => {
    expect(basisPointsToPercentText(bp)).toBe(text);
  });
});

describe("form values", () => {
  it("starts a new invoice that the schema accepts once a line is filled", () => {
    const input = newConceptInput({ language: "nl", today: "2026-05-04" });
    expect(input).toMatchObject({ type: "invoice", dueDate: "2026-06-03", language: "nl" });
    const line = { ...input.lines[0]!, description: "Fiets", unitPrice: "499,99" };
    const parsed = conceptSchema.parse({ ...input, lines: [line] });
    expect(parsed.lines[0]).toMatchObject({ unitPriceCents: 49_999, vatRateBp: 2100 });
    expect(parsed.customerId).toBeNull();
  });

  it("turns a stored concept back into what the merchant typed, and saves it unchanged", () => {
    const input = conceptToInput(
      {
        type: "credit_note",
        customerId: null,
        language: "fr",
        issueDate: "2026-02-01",
        dueDate: null,
        supplyDate: "2026-01-28",
        legend: "Merci",
      },
      [
        {
          id: "l1",
          organisationId: "o",
          documentId: "d",
          position: 0,
          description: "Casque",
          sku: null,
          quantity: "1.5",
          unitPriceCents: 1205,
          priceMode: "incl",
          discountCents: null,
          discountBp: 1050,
          vatCategory: "S",
          vatRateBp: 600,
          vatCountry: "BE",
          netCents: 0,
          vatCents: 0,
          grossCents: 0,
          restock: true,
        },
      ],
    );
    expect(input.lines[0]).toEqual({
      vatCountry: "BE",
      description: "Casque",
      sku: "",
      quantity: "1.5",
      unitPrice: "12.05",
      priceMode: "incl",
      discountPercent: "10.5",
      discountAmount: "",
      vatCategory: "S",
      vatRateBp: 600,
    });
    expect(conceptSchema.parse(input).lines[0]).toMatchObject({
      unitPriceCents: 1205,
      discountBp: 1050,
      sku: null,
    });
    expect(input.supplyDate).toBe("2026-01-28");
    expect(conceptSchema.parse(input).supplyDate).toBe("2026-01-28");
    expect(conceptSchema.parse({ ...input, supplyDate: "" }).supplyDate).toBeNull();
    expect(conceptSchema.safeParse({ ...input, supplyDate: "28/01/2026" }).success).toBe(false);
  });

  it("gives a concept without lines one empty line to fill", () => {
    const base = {
      type: "invoice" as const,
      customerId: "c",
      language: "en" as const,
      issueDate: "2026-01-01",
      dueDate: "2026-01-31",
      supplyDate: null,
      legend: "",
    };
    expect(conceptToInput(base, []).lines).toHaveLength(1);
    expect(conceptToInput(base, []).supplyDate).toBe("");
  });
});
