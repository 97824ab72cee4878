import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";
import { z } from "zod";
import { languageRules, legalForms } from "@/db/schema/organisations";
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
  legalForm: z.enum(["", ...legalForms], "validation.legalForm").transform((v) => v || null),
  enterpriseNumber: z
    .string()
    .trim()
    .max(30, "validation.tooLong")
    .superRefine((value, ctx) => {
      if (!value) return;
      const problem = checkBelgianVatNumber(value);
      if (problem) ctx.addIssue({ code: "custom", message: `validation.enterprise.${problem}` });
    })
    .transform((v) => (v ? normaliseBelgianVatNumber(v).slice(2) : null)),
  registerCourt: z
    .string()
    .trim()
    .max(100, "validation.tooLong")
    // "RPR Gent" typed in full: the letters are printed in the document's language.
    .transform((v) => v.replace(/^(RPR|RPM|RLE)(\s*\/\s*(RPR|RPM))?[\s.:,-]*/i, "").trim() || null),
  registeredStreet: optionalText(200),
  registeredPostalCode: optionalText(20),
  registeredCity: optionalText(100),
  inLiquidation: z.boolean(),
  contactEmail: z
    .union([z.literal(""), z.string().trim().email("validation.email")])
    .transform((v) => v || null),
  phone: z
    .string()
    .trim()
    .max(30, "validation.tooLong")
    .refine((v) => !v || isPhoneNumber(v), "validation.phone")
    .transform((v) => v.replace(/\s+/g, " ") || null),
  website: z
    .string()
    .trim()
    .max(200, "validation.tooLong")
    .refine((v) => !v || websiteHost(v) !== null, "validation.website")
    .transform((v) => (v ? printedWebsite(v) : null)),
  vatFranchise: z.boolean(),
  languageRule: z.enum(languageRules),
};

/** 8 to 15 digits (E.164 allows 15), written with the usual separators and an optional +. */
export function isPhoneNumber(value: string): boolean {
  if (!/^\+?[0-9 ()./-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, "").length;
  return digits >= 8 && digits <= 15;
}

function websiteHost(value: string): string | null {
  try {
    const url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (url.username || url.password) return null;
    return /^([a-z0-9-]+\.)+[a-z]{2,}$/i.test(url.hostname) ? url.hostname : null;
  } catch {
    return null;
  }
}

/** `https://www.Shop.be/` → `www.shop.be`: printed without the scheme or a bare trailing slash. */
function printedWebsite(value: string): string {
  const url = new URL(/^https?:\/\//i.test(value) ? value : `https://${value}`);
  const path = url.pathname === "/" ? "" : url.pathname;
  return `${url.hostname}${path}${url.search}`;
}

export const companySettingsSchema = z.object(companyFields).superRefine((value, ctx) => {
  if (value.iban && !value.bic && !value.iban.startsWith("BE")) {
    ctx.addIssue({ code: "custom", path: ["bic"], message: "validation.bicRequired" });
  }
  // One company, one number: a Belgian VAT number is BE + the enterprise number.
  if (
    value.enterpriseNumber &&
    value.vatNumber?.startsWith("BE") &&
    value.vatNumber.slice(2) !== value.enterpriseNumber
  ) {
    ctx.addIssue({
      code: "custom",
      path: ["enterpriseNumber"],
      message: "validation.enterprise.mismatch",
    });
  }
  const office = [value.registeredStreet, value.registeredPostalCode, value.registeredCity];
  if (office.some(Boolean)) {
    for (const [i, name] of (
      ["registeredStreet", "registeredPostalCode", "registeredCity"] as const
    ).entries()) {
      if (!office[i])
        ctx.addIssue({ code: "custom", path: [name], message: "validation.required" });
    }
  }
});

export type CompanySettingsInput = z.input<typeof companySettingsSchema>;
export type CompanySettings = z.output<typeof companySettingsSchema>;

/** First run asks only what identifies the company; the rest can wait until the first invoice. */
export const newOrganisationSchema = z.object({
  legalName: companyFields.legalName,
  legalForm: companyFields.legalForm.optional(),
  registerCourt: companyFields.registerCourt.optional(),
  vatNumber: companyFields.vatNumber,
  street: companyFields.street,
  postalCode: companyFields.postalCode,
  city: companyFields.city,
  country: companyFields.country,
  iban: companyFields.iban,
});

export type NewOrganisationInput = z.input<typeof newOrganisationSchema>;
export type NewOrganisation = z.output<typeof newOrganisationSchema>;
