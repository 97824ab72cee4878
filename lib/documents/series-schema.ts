import { z } from "zod";
import { checkSeriesSettings } from "@/lib/numbering/check-series-settings";
import { documentTypes } from "./document-lifecycle";

/** One series as the numbering form edits it; messages are `numbering.errors.*` keys. */
export const seriesFormSchema = z
  .object({
    type: z.enum(documentTypes),
    pattern: z
      .string()
      .trim()
      .min(1, "numbering.errors.pattern")
      .max(32, "numbering.errors.pattern"),
    yearlyRestart: z.boolean(),
    nextSequence: z
      .string()
      .trim()
      .regex(/^([1-9]\d{0,8})?$/, "numbering.errors.nextNumber")
      .transform((v) => (v ? Number(v) : null)),
  })
  .superRefine((value, ctx) => {
    for (const problem of checkSeriesSettings(value)) {
      ctx.addIssue({
        code: "custom",
        path: ["pattern"],
        message:
          problem.code === "restart_without_year"
            ? "numbering.errors.restart_without_year"
            : "numbering.errors.pattern",
      });
      return;
    }
  });

export const paymentTermsSchema = z.object({
  days: z.coerce
    .number()
    .int("numbering.errors.days")
    .min(0, "numbering.errors.days")
    .max(365, "numbering.errors.days"),
});
