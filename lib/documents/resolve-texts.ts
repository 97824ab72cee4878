import type { DocumentType } from "./document-lifecycle";
import {
  defaultTexts,
  type DocumentTexts,
  type PaymentState,
  type TextLanguage,
  type TextValues,
} from "./default-texts";

export const textLanguages = ["fr", "nl", "en", "de"] as const satisfies readonly TextLanguage[];

/** Every placeholder `renderText` fills, in the order the settings page lists them. */
export const textPlaceholders = [
  "number",
  "orderName",
  "customerName",
  "total",
  "amountDue",
  "dueDate",
  "structuredCommunication",
  "paymentLink",
  "companyName",
] as const satisfies readonly (keyof TextValues)[];

/** Placeholders in a template that `renderText` does not know (typos such as {nummer}). */
export function unknownPlaceholders(template: string): string[] {
  const known: readonly string[] = textPlaceholders;
  const found = [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? "");
  return [...new Set(found.filter((name) => !known.includes(name)))];
}

/** One of the merchant's own texts, as stored (db/schema/document-texts.ts). */
export interface CustomText extends DocumentTexts {
  documentType: DocumentType;
  paymentState: PaymentState;
  language: TextLanguage;
}

export interface ResolvedTexts {
  /** The language the texts are in, and the one their values are formatted for. */
  language: TextLanguage;
  texts: DocumentTexts;
  /** "custom" when the merchant wrote this text, "default" for the built-in one. */
  source: "custom" | "default";
}

/**
 * Which language speaks to the customer: the document's own when Foreign customers is
 * active, otherwise always the organisation's default language.
 */
export function textLanguageFor(input: {
  documentLanguage: TextLanguage;
  defaultLanguage: TextLanguage;
  foreignCustomersActive: boolean;
}): TextLanguage {
  return input.foreignCustomersActive ? input.documentLanguage : input.defaultLanguage;
}

/** The languages a merchant words texts in: all four with Foreign customers, else one. */
export function activeTextLanguages(input: {
  defaultLanguage: TextLanguage;
  foreignCustomersActive: boolean;
}): TextLanguage[] {
  return input.foreignCustomersActive ? [...textLanguages] : [input.defaultLanguage];
}

/** The caption and email of one document: the merchant's text if written, else the built-in. */
export function resolveTexts(input: {
  type: DocumentType;
  state: PaymentState;
  documentLanguage: TextLanguage;
  defaultLanguage: TextLanguage;
  foreignCustomersActive: boolean;
  custom: readonly CustomText[];
}): ResolvedTexts {
  const language = textLanguageFor(input);
  const own = input.custom.find(
    (row) =>
      row.documentType === input.type &&
      row.paymentState === input.state &&
      row.language === language,
  );
  if (own) {
    return {
      language,
      source: "custom",
      texts: { legend: own.legend, emailSubject: own.emailSubject, emailBody: own.emailBody },
    };
  }
  return { language, source: "default", texts: defaultTexts(input.type, input.state, language) };
}

export interface MissingTranslation {
  documentType: DocumentType;
  paymentState: PaymentState;
  language: TextLanguage;
}

/**
 * Where the merchant wrote a text in one active language but not in another: that
 * customer would get the built-in wording instead of the merchant's. Sorted by type,
 * state and then the order of `activeLanguages`.
 */
export function missingTranslations(
  custom: readonly CustomText[],
  activeLanguages: readonly TextLanguage[],
): MissingTranslation[] {
  const written = new Set(
    custom
      .filter((row) => activeLanguages.includes(row.language))
      .map((row) => `${row.documentType}/${row.paymentState}/${row.language}`),
  );
  const groups = new Map<string, Omit<MissingTranslation, "language">>();
  for (const row of custom) {
    if (!activeLanguages.includes(row.language)) continue;
    groups.set(`${row.documentType}/${row.paymentState}`, {
      documentType: row.documentType,
      paymentState: row.paymentState,
    });
  }
  const missing: MissingTranslation[] = [];
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    for (const language of activeLanguages) {
      if (!written.has(`${key}/${language}`)) missing.push({ ...group, language });
    }
  }
  return missing;
}
