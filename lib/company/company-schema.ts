import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";
import { z } from "zod";
import { checkBelgianVatNumber, normaliseBelgianVatNumber } from "./vat-number";

/**
 * The company settings form, shared by the browser (react-hook-form) and the server
 * action. Messages are i18n keys under `validation.*`; the UI translates them.
 */
export const documentLanguageValues = ["fr", "nl", "en", "de"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .transform((v) => v || null);

const companyFields = {
  legalName: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
  street: z.string().trim().max(200, "validation.tooLong"),
  postalCode: z.string().trim().max(20, "validation.tooLong"),
  city: z.string().trim().max(100, "validation.tooLong"),
  country: z.string().regex(/^[A-Z]{2}$/, "validation.country"),
  vatNumber: z
    .string()
    .trim()
    .max(30, "validation.tooLong")
    .superRefine((value, ctx) => {
      if (!value) return;
      const problem = checkBelgianVatNumber(value);
      if (problem) ctx.addIssue({ code: "custom", message: `validation.vat.${problem}` });
    })
    .transform((v) => (v ? normaliseBelgianVatNumber(v) : null)),
  iban: z
    .string()
    .trim()
    .max(42, "validation.tooLong")
    .superRefine((value, ctx) => {
      if (value && !isValidIBAN(electronicFormatIBAN(value) ?? "")) {
        ctx.addIssue({ code: "custom", message: "validation.iban" });
      }
    })
    .transform((v) => (v ? (electronicFormatIBAN(v) ?? v) : null)),
  bic: z
    .string()
    .trim()
    .max(11, "validation.bic")
    .superRefine((value, ctx) => {
      if (value && !isValidBIC(value.toUpperCase())) {
        ctx.addIssue({ code: "custom", message: "validation.bic" });
      }
    })
    .transform((v) => (v ? v.toUpperCase() : null)),
  emailSenderName: optionalText(100),
  emailReplyTo: z
    .union([z.literal(""), z.string().trim().email("validation.email")])
    .transform((v) => v || null),
  defaultLanguage: z.enum(documentLanguageValues),
};

export const companySettingsSchema = z.object(companyFields).superRefine((value, ctx) => {
  if (value.iban && !value.bic && !value.iban.startsWith("BE")) {
    ctx.addIssue({ code: "custom", path: ["bic"], message: "validation.bicRequired" });
  }
});

export type CompanySettingsInput = z.input<typeof companySettingsSchema>;
export type CompanySettings = z.output<typeof companySettingsSchema>;

/** First run asks only what identifies the company; the rest can wait until the first invoice. */
export const newOrganisationSchema = z.object({
  legalName: companyFields.legalName,
  vatNumber: companyFields.vatNumber,
  street: companyFields.street,
  postalCode: companyFields.postalCode,
  city: companyFields.city,
  country: companyFields.country,
  iban: companyFields.iban,
});

export type NewOrganisationInput = z.input<typeof newOrganisationSchema>;
export type NewOrganisation = z.output<typeof newOrganisationSchema>;
