import { z } from "zod";
import type { InboxFilters } from "@/db/queries/shopify-deliveries";
import { shopifyDeliveryStatuses, type ShopifyDeliveryStatus } from "@/db/schema/shopify";

/** What Next.js passes a page as `searchParams`. */
export type SearchParams = Record<string, string | string[] | undefined>;

export const INBOX_PATH = "/apps/shopify/inbox";

/** The status chips, in the order the merchant reads them: what needs them first. */
export const inboxStatusChips = [
  "failed",
  "processed",
  "ignored",
  "received",
] as const satisfies readonly ShopifyDeliveryStatus[];

export interface InboxQuery {
  filters: InboxFilters;
  /** The previous page's last row, for the next page. */
  before: string | null;
}

/**
 * The inbox's URL, read leniently: a value that does not parse (a hand-edited
 * link, an old bookmark) is ignored, so the page always opens.
 */
const inboxQuerySchema = z.object({
  status: z.enum(shopifyDeliveryStatuses).optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  before: z.string().uuid().optional().catch(undefined),
});

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === "" ? undefined : v;
}

export function parseInboxQuery(searchParams: SearchParams): InboxQuery {
  const q = inboxQuerySchema.parse({
    status: first(searchParams.status),
    q: first(searchParams.q),
    before: first(searchParams.before),
  });
  const filters: InboxFilters = {};
  if (q.status) filters.status = q.status;
  if (q.q) filters.search = q.q;
  return { filters, before: q.before ?? null };
}

/** `/apps/shopify/inbox?…` for these filters (and a page), in a stable order. */
export function inboxHref(filters: InboxFilters, before?: string | null): string {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.search) params.set("q", filters.search);
  if (before) params.set("before", before);
  const query = params.toString();
  return query ? `${INBOX_PATH}?${query}` : INBOX_PATH;
}
