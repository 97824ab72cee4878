import { z } from "zod";
import type { DocumentFilters } from "@/db/queries/documents";
import { documentStatuses, documentTypes } from "@/lib/documents/document-lifecycle";

/** What Next.js passes a page as `searchParams`. */
export type SearchParams = Record<string, string | string[] | undefined>;

export interface ListQuery {
  filters: DocumentFilters;
  cursor: string | null;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));

/**
 * The list's URL, read leniently: a value that does not parse (a hand-edited link,
 * an old bookmark) is ignored rather than shown as an error, so the page always opens.
 */
const listQuerySchema = z.object({
  type: z.enum(documentTypes).optional().catch(undefined),
  status: z.enum(documentStatuses).optional().catch(undefined),
  from: isoDate.optional().catch(undefined),
  to: isoDate.optional().catch(undefined),
  customer: z.string().uuid().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  cursor: z.string().max(500).optional().catch(undefined),
});

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === "" ? undefined : v;
}

export function parseListQuery(searchParams: SearchParams): ListQuery {
  const raw = Object.fromEntries(
    Object.keys(listQuerySchema.shape).map((key) => [key, first(searchParams[key])]),
  );
  const q = listQuerySchema.parse(raw);
  const filters: DocumentFilters = {};
  if (q.type) filters.type = q.type;
  if (q.status) filters.status = q.status;
  if (q.from) filters.from = q.from;
  if (q.to) filters.to = q.to;
  if (q.customer) filters.customerId = q.customer;
  if (q.q) filters.search = q.q;
  return { filters, cursor: q.cursor ?? null };
}

/** `/documents?…` for these filters (and a page cursor), in a stable order. */
export function documentsHref(filters: DocumentFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (filters.type) params.set("type", filters.type);
  if (filters.status) params.set("status", filters.status);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.customerId) params.set("customer", filters.customerId);
  if (filters.search) params.set("q", filters.search);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return query ? `/documents?${query}` : "/documents";
}

export function hasFilters(filters: DocumentFilters): boolean {
  return Object.values(filters).some((v) => v !== undefined);
}
