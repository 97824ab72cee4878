import { z } from "zod";
import { parseQuantity } from "@/lib/money";

/**
 * A manual stock correction: a signed quantity (units in, or out with a minus sign,
 * up to 3 decimals) and why, so the ledger explains itself later.
 */
export const stockCorrectionSchema = z.object({
  quantity: z
    .string()
    .trim()
    .regex(/^[+-]?\d{1,9}([.,]\d{1,3})?$/, "articles.validation.quantity")
    .transform((v) => parseQuantity(v.replace(",", ".").replace(/^\+/, "")).thousandths)
    .refine((v) => v !== 0, "articles.validation.quantityZero"),
  note: z.string().trim().min(1, "articles.validation.noteRequired").max(500, "validation.tooLong"),
});

export type StockCorrectionInput = z.input<typeof stockCorrectionSchema>;
export type StockCorrection = z.output<typeof stockCorrectionSchema>;
