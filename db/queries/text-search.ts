import { ilike, or, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** `%…%` with LIKE's own wildcards escaped, so "50%" finds "50%" only. */
export function containsPattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Any of these columns contains the text, ignoring case; nothing when the search is empty. */
export function matchesAny(
  search: string | undefined,
  columns: (PgColumn | SQL)[],
): SQL | undefined {
  const text = search?.trim();
  if (!text) return undefined;
  const like = containsPattern(text);
  return or(...columns.map((column) => ilike(column, like)));
}

/**
 * Numbered pages for lists people browse by page (customers, articles: thousands of
 * rows at most). The document list, which grows without bound, uses a keyset instead.
 */
export function pageWindow(query: { page?: number; pageSize?: number }) {
  const pageSize = query.pageSize ?? 25;
  const page = Math.max(1, Math.floor(query.page ?? 1));
  return { page, pageSize, offset: (page - 1) * pageSize };
}

export function pageOf<T>(rows: T[], total: number, window: { page: number; pageSize: number }) {
  return {
    rows,
    total,
    page: window.page,
    pageCount: Math.max(1, Math.ceil(total / window.pageSize)),
  };
}
