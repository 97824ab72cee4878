import { describe, expect, it } from "vitest";
import { defaultTexts, type TextLanguage } from "./default-texts";
import {
  activeTextLanguages,
  missingTranslations,
  resolveTexts,
  textPlaceholders,
  unknownPlaceholders,
  type CustomText,
} from "./resolve-texts";
import { reminderTexts } from "./reminder-texts";

function custom(overrides: Partial<CustomText> = {}): CustomText {
  const language = overrides.language ?? "fr";
  return {
    documentType: "invoice",
    paymentState: "unpaid",
    language,
    legend: `legend-${language}`,
    emailSubject: `subject-${language}`,
    emailBody: `body-${language}`,
    ...overrides,
  };
}

describe("resolveTexts", () => {
  const rows = [custom({ language: "fr" }), custom({ language: "nl" })];

  it.each<{
    name: string;
    documentLanguage: TextLanguage;
    defaultLanguage: TextLanguage;
    foreignCustomersActive: boolean;
    custom: CustomText[];
    language: TextLanguage;
    source: "custom" | "default";
  }>([
    {
      name: "Foreign customers active: the document's language, custom text",
      documentLanguage: "nl",
      defaultLanguage: "fr",
      foreignCustomersActive: true,
      custom: rows,
      language: "nl",
      source: "custom",
    },
    {
      name: "Foreign customers inactive: the default language, whatever the document says",
      documentLanguage: "nl",
      defaultLanguage: "fr",
      foreignCustomersActive: false,
      custom: rows,
      language: "fr",
      source: "custom",
    },
    {
      name: "active, no custom text in the document's language: built-in in that language",
      documentLanguage: "de",
      defaultLanguage: "fr",
      foreignCustomersActive: true,
      custom: rows,
      language: "de",
      source: "default",
    },
    {
      name: "inactive, no custom text at all: built-in in the default language",
      documentLanguage: "de",
      defaultLanguage: "en",
      foreignCustomersActive: false,
      custom: [],
      language: "en",
      source: "default",
    },
  ])("$name", (row) => {
    const resolved = resolveTexts({ type: "invoice", state: "unpaid", ...row });
    expect(resolved.language).toBe(row.language);
    expect(resolved.source).toBe(row.source);
    expect(resolved.texts).toEqual(
      row.source === "custom"
        ? {
            legend: `legend-${row.language}`,
            emailSubject: `subject-${row.language}`,
            emailBody: `body-${row.language}`,
          }
        : defaultTexts("invoice", "unpaid", row.language),
    );
  });

  it("never takes another type's or payment state's text", () => {
    const others = [
      custom({ paymentState: "paid", legend: "paid" }),
      custom({ documentType: "order_form", legend: "order form" }),
    ];
    const resolved = resolveTexts({
      type: "invoice",
      state: "unpaid",
      documentLanguage: "fr",
      defaultLanguage: "fr",
      foreignCustomersActive: false,
      custom: others,
    });
    expect(resolved.source).toBe("default");
    expect(resolved.texts).toEqual(defaultTexts("invoice", "unpaid", "fr"));
  });

  it("keeps an empty custom legend: the merchant chose no caption", () => {
    const resolved = resolveTexts({
      type: "invoice",
      state: "paid",
      documentLanguage: "fr",
      defaultLanguage: "fr",
      foreignCustomersActive: false,
      custom: [custom({ paymentState: "paid", legend: "" })],
    });
    expect(resolved.texts.legend).toBe("");
  });
});

describe("activeTextLanguages", () => {
  it.each([
    { active: true, expected: ["fr", "nl", "en", "de"] },
    { active: false, expected: ["nl"] },
  ])("Foreign customers active=$active → $expected", ({ active, expected }) => {
    expect(activeTextLanguages({ defaultLanguage: "nl", foreignCustomersActive: active })).toEqual(
      expected,
    );
  });
});

describe("missingTranslations", () => {
  const all: TextLanguage[] = ["fr", "nl", "en", "de"];

  it.each<{ name: string; rows: CustomText[]; active: TextLanguage[]; expected: string[] }>([
    { name: "nothing written, nothing missing", rows: [], active: all, expected: [] },
    {
      name: "one language written: the others are missing",
      rows: [custom({ language: "fr" })],
      active: all,
      expected: ["invoice/unpaid/nl", "invoice/unpaid/en", "invoice/unpaid/de"],
    },
    {
      name: "every active language written: nothing missing",
      rows: all.map((language) => custom({ language })),
      active: all,
      expected: [],
    },
    {
      name: "one active language only: never missing",
      rows: [custom({ language: "fr" })],
      active: ["fr"],
      expected: [],
    },
    {
      name: "a text in an inactive language does not count",
      rows: [custom({ language: "de" })],
      active: ["fr"],
      expected: [],
    },
    {
      name: "each type and state on its own",
      rows: [
        custom({ language: "fr" }),
        custom({ language: "nl" }),
        custom({ documentType: "credit_note", paymentState: "paid", language: "nl" }),
      ],
      active: ["fr", "nl"],
      expected: ["credit_note/paid/fr"],
    },
  ])("$name", ({ rows, active, expected }) => {
    expect(
      missingTranslations(rows, active).map(
        (m) => `${m.documentType}/${m.paymentState}/${m.language}`,
      ),
    ).toEqual(expected);
  });
});

describe("unknownPlaceholders", () => {
  it.each([
    { template: "Invoice {number} for {customerName}", expected: [] },
    { template: "Invoice {nummer} {nummer} and {Total}", expected: ["nummer", "Total"] },
    { template: "No placeholder, {just braces}", expected: [] },
  ])("$template → $expected", ({ template, expected }) => {
    expect(unknownPlaceholders(template)).toEqual(expected);
  });

  it("knows every placeholder of the built-in texts", () => {
    for (const language of ["fr", "nl", "en", "de"] as const)
      for (const state of ["paid", "unpaid"] as const) {
        const texts = defaultTexts("invoice", state, language);
        expect(unknownPlaceholders(Object.values(texts).join(" "))).toEqual([]);
      }
    for (const language of ["fr", "nl", "en", "de"] as const)
      expect(unknownPlaceholders(Object.values(reminderTexts(language)).join(" "))).toEqual([]);
    expect(textPlaceholders).toHaveLength(9);
  });
});
