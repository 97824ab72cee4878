import { z } from "zod";
import { documentTypes } from "@/lib/documents/document-lifecycle";
import { textLanguages, unknownPlaceholders } from "@/lib/documents/resolve-texts";

/** Messages are `texts.errors.*` keys, shown by the form in the merchant's language. */
const template = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "texts.errors.tooLong")
    .refine((value) => unknownPlaceholders(value).length === 0, "texts.errors.unknownPlaceholder");

/** What one language panel edits. An empty legend is allowed: no caption at all. */
export const textFieldsSchema = z.object({
  legend: template(1000),
  emailSubject: template(200).pipe(z.string().min(1, "texts.errors.subjectRequired")),
  emailBody: template(5000).pipe(z.string().min(1, "texts.errors.bodyRequired")),
});

export const textKeySchema = z.object({
  documentType: z.enum(documentTypes),
  paymentState: z.enum(["paid", "unpaid"]),
  language: z.enum(textLanguages),
});

export const documentTextSchema = textFieldsSchema.extend(textKeySchema.shape);
