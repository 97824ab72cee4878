/** `?q=…&page=…` of a list page, tolerant of anything a hand-edited URL may carry. */
export function listQuery(params: Record<string, string | string[] | undefined>) {
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value) ?? "";
  const search = first(params.q).trim().slice(0, 200);
  const page = Number.parseInt(first(params.page), 10);
  return { search, page: Number.isSafeInteger(page) && page > 0 ? page : 1 };
}

/** Route ids are UUIDs; anything else is a page that does not exist (not a database error). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
