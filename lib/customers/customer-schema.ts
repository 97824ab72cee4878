import { z } from "zod";
import { parseCustomerVatNumber } from "./customer-vat-number";

/**
 * The customer form, shared by the browser (react-hook-form) and the server action.
 * Messages are i18n keys: the shell's `validation.*`, or `customers.validation.*`
 * for what only customers need.
 */
export const customerLanguages = ["fr", "nl", "en", "de"] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .transform((v) => v || null);

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const country = z.string().regex(/^[A-Z]{2}$/, "validation.country");

export const customerSchema = z
  .object({
    name: z.string().trim().min(1, "validation.required").max(200, "validation.tooLong"),
    company: optionalText(200),
    vatNumber: z
      .string()
      .trim()
      .max(30, "validation.tooLong")
      .transform((value, ctx) => {
        if (!value) return null;
        const parsed = parseCustomerVatNumber(value);
        if (parsed.ok) return parsed.value;
        ctx.addIssue({
          code: "custom",
          message:
            parsed.problem === "foreign_format"
              ? "customers.validation.foreignVat"
              : `validation.vat.${parsed.problem}`,
        });
        return z.NEVER;
      }),
    email: z
      .union([z.literal(""), z.string().trim().email("validation.email").max(254)])
      .transform((v) => (v ? v.trim() : null)),
    language: z.enum(customerLanguages),
    billingStreet: text(200),
    billingPostalCode: text(20),
    billingCity: text(100),
    billingCountry: country,
    hasDelivery: z.boolean(),
    deliveryStreet: text(200),
    deliveryPostalCode: text(20),
    deliveryCity: text(100),
    deliveryCountry: country,
  })
  .superRefine((value, ctx) => {
    if (!value.hasDelivery) return;
    for (const field of ["deliveryStreet", "deliveryCity"] as const) {
      if (!value[field])
        ctx.addIssue({ code: "custom", path: [field], message: "validation.required" });
    }
  })
  .transform(({ hasDelivery, ...c }) => ({
    ...c,
    deliveryStreet: hasDelivery ? c.deliveryStreet : null,
    deliveryPostalCode: hasDelivery ? c.deliveryPostalCode : null,
    deliveryCity: hasDelivery ? c.deliveryCity : null,
    deliveryCountry: hasDelivery ? c.deliveryCountry : null,
  }));

export type CustomerInput = z.input<typeof customerSchema>;
/** Exactly the customer row's editable columns. */
export type CustomerFields = z.output<typeof customerSchema>;

export const emptyCustomerInput: CustomerInput = {
  name: "",
  company: "",
  vatNumber: "",
  email: "",
  language: "fr",
  billingStreet: "",
  billingPostalCode: "",
  billingCity: "",
  billingCountry: "BE",
  hasDelivery: false,
  deliveryStreet: "",
  deliveryPostalCode: "",
  deliveryCity: "",
  deliveryCountry: "BE",
};
