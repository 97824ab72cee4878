import { z } from "zod";
import { documentStatuses, documentTypes } from "./document-lifecycle";

/** A real calendar date: 2026-13-45 matches the shape but is not one. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "not a date");

/** List filters from a query string (the dashboard's and the API's), invalid values refused. */
export const documentFiltersSchema = z.object({
  type: z.enum(documentTypes).optional(),
  status: z.enum(documentStatuses).optional(),
  customer_id: z.string().uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  shopify_order_id: z.string().max(64).optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
