import { z } from "zod";
import {
  multiplyCents,
  parseDecimalScaled,
  parseDecimalToCents,
  parseQuantity,
  percentOfCents,
} from "@/lib/money";
import { EU_MEMBER_STATES, HOME_VAT_COUNTRY, VAT_CATEGORIES } from "@/lib/vat";
import { documentTypes } from "./document-lifecycle";

/**
 * A concept as the merchant edits it (form, server action and API share it). Money
 * and quantities arrive as decimal strings ("12.50", "1.5") and become exact
 * integers here; messages are i18n keys under `validation.*`.
 */
const decimal = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^-?\d{1,10}([.,]\d{1,3})?$/, message)
    .transform((v) => v.replace(",", "."));

export const conceptLineSchema = z
  .object({
    description: z.string().trim().min(1, "validation.required").max(500, "validation.tooLong"),
    sku: z
      .string()
      .trim()
      .max(100, "validation.tooLong")
      .transform((v) => v || null),
    quantity: decimal("validation.quantity").refine((v) => {
      try {
        return parseQuantity(v).thousandths !== 0;
      } catch {
        return false;
      }
    }, "validation.quantity"),
    unitPrice: decimal("validation.amount").refine((v) => !v.startsWith("-"), "validation.amount"),
    priceMode: z.enum(["excl", "incl"]),
    discountPercent: z
      .string()
      .trim()
      .regex(/^(\d{1,2}([.,]\d{1,2})?|100)?$/, "validation.discount")
      // Basis points read from the text (no float): "12,5" → 1250.
      .transform((v) => (v ? Number(parseDecimalScaled(v.replace(",", "."), 2, true)) : 0)),
    /**
     * A discount as an amount (in the line's price mode): the discount itself, printed as
     * an amount; a percentage next to it is then only what it was (Shopify's code).
     */
    discountAmount: z
      .string()
      .trim()
      .regex(/^(\d{1,10}([.,]\d{1,2})?)?$/, "validation.discountAmount")
      .optional()
      .transform((v) => (v ? v.replace(",", ".") : "")),
    vatCategory: z.enum(VAT_CATEGORIES),
    vatRateBp: z.coerce.number().int().min(0).max(10_000),
    /**
     * The member state whose VAT this is: BE, or the destination's for an OSS distance
     * sale (only with S). Absent or empty = Belgium.
     */
    vatCountry: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .transform((v) => v || HOME_VAT_COUNTRY)
      .refine((v) => EU_MEMBER_STATES.has(v), "validation.vatCountry"),
  })
  .refine((line) => line.vatCategory === "S" || line.vatCountry === HOME_VAT_COUNTRY, {
    path: ["vatCountry"],
    message: "validation.vatCountry",
  })
  .transform((line) => ({
    ...line,
    unitPriceCents: parseDecimalToCents(line.unitPrice),
    discountBp: line.discountPercent,
    discountCents: line.discountAmount ? parseDecimalToCents(line.discountAmount) : null,
  }))
  .superRefine((line, ctx) => {
    if (line.discountCents === null) return;
    let amount: number;
    try {
      amount = multiplyCents(line.unitPriceCents, parseQuantity(line.quantity));
    } catch {
      return; // the quantity's own message says it
    }
    if (line.discountCents > Math.abs(amount)) {
      ctx.addIssue({
        code: "custom",
        path: ["discountAmount"],
        message: "validation.discountTooLarge",
      });
      return;
    }
    // Both: the amount is the discount, the percentage what it was (a Shopify code). They
    // must say the same thing, to the cent.
    if (line.discountBp > 0) {
      const fromPercent = Math.abs(percentOfCents(amount, line.discountBp));
      if (Math.abs(fromPercent - line.discountCents) > 1) {
        ctx.addIssue({
          code: "custom",
          path: ["discountAmount"],
          message: "validation.discountBoth",
        });
      }
    }
  });

export const conceptSchema = z.object({
  type: z.enum(documentTypes),
  customerId: z
    .string()
    .uuid()
    .nullable()
    .or(z.literal("").transform(() => null)),
  language: z.enum(["fr", "nl", "en", "de"]),
  issueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date"),
  dueDate: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "validation.date")
    .transform((v) => v || null),
  /**
   * The date of the taxable event (delivery, or an earlier payment) when it is not the
   * issue date; empty when unknown or the same (art. 5 §1, 4° KB nr. 1).
   */
  supplyDate: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "validation.date")
    .optional()
    .transform((v) => v || null),
  legend: z.string().max(2000, "validation.tooLong"),
  lines: z
    .array(conceptLineSchema)
    .min(1, "validation.linesRequired")
    .max(1000)
    .superRefine((lines, ctx) => {
      // VAT is computed per rate on one total, so a rate's lines share one price mode.
      const modeByGroup = new Map<string, string>();
      lines.forEach((line, index) => {
        const group = `${line.vatCountry}:${line.vatCategory}:${line.vatRateBp}`;
        const mode = modeByGroup.get(group);
        if (mode === undefined) modeByGroup.set(group, line.priceMode);
        else if (mode !== line.priceMode) {
          ctx.addIssue({
            code: "custom",
            path: [index, "priceMode"],
            message: "validation.mixedPriceModes",
          });
        }
      });
    }),
});

export type ConceptInput = z.input<typeof conceptSchema>;
export type Concept = z.output<typeof conceptSchema>;
export type ConceptLine = Concept["lines"][number];
