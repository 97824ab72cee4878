import { getScalarString, getString, type JsonObject } from "./json";
import { hasScope } from "./state";

/**
 * The `orders(query:, sortKey:, reverse:)` part of the Admin API: Shopify's search syntax
 * reduced to the date comparisons a reconciliation job uses, plus the `read_orders`
 * 60-day window (older orders need `read_all_orders`, docs/shopify.md §1.9).
 */

export const READ_ORDERS_WINDOW_DAYS = 60;

type Comparison = ">" | ">=" | "<" | "<=";

export interface DateFilter {
  field: "updated_at" | "created_at" | "processed_at";
  op: Comparison;
  at: Date;
}

/**
 * `updated_at:>'2026-01-01T00:00:00Z' created_at:>=2026-01-01` → filters. Terms without a
 * comparison operator, other fields, `AND`/`OR` and anything unparseable are ignored.
 */
export function parseOrderQuery(query: string | null | undefined): DateFilter[] {
  if (!query) return [];
  const filters: DateFilter[] = [];
  const term =
    /\b(updated_at|created_at|processed_at)\s*:\s*(>=|<=|>|<)\s*(?:'([^']*)'|"([^"]*)"|([^\s)]+))/g;
  for (const match of query.matchAll(term)) {
    const value = match[3] ?? match[4] ?? match[5] ?? "";
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) continue;
    filters.push({
      field: match[1] as DateFilter["field"],
      op: match[2] as Comparison,
      at,
    });
  }
  return filters;
}

function dateOf(order: JsonObject, field: string): number {
  const value = getString(order, field);
  const time = value ? new Date(value).getTime() : NaN;
  return Number.isNaN(time) ? 0 : time;
}

export function matchesFilters(order: JsonObject, filters: DateFilter[]): boolean {
  return filters.every(({ field, op, at }) => {
    const value = dateOf(order, field);
    const bound = at.getTime();
    switch (op) {
      case ">":
        return value > bound;
      case ">=":
        return value >= bound;
      case "<":
        return value < bound;
      case "<=":
        return value <= bound;
    }
  });
}

/** Orders created more than 60 days ago are invisible without `read_all_orders`. */
export function visibleToScopes(order: JsonObject, scopes: readonly string[], now: Date): boolean {
  if (hasScope(scopes, "read_all_orders")) return true;
  const windowStart = now.getTime() - READ_ORDERS_WINDOW_DAYS * 24 * 3600 * 1000;
  return dateOf(order, "created_at") >= windowStart;
}

const SORT_FIELDS: Record<string, string> = {
  UPDATED_AT: "updated_at",
  CREATED_AT: "created_at",
  PROCESSED_AT: "processed_at",
};

/** Sort value of an order for a sort key; ID (the default) and unknown keys sort by id. */
export function sortValue(order: JsonObject, sortKey: string | null | undefined): number {
  const field = sortKey ? SORT_FIELDS[sortKey] : undefined;
  return field ? dateOf(order, field) : 0;
}

export function orderIdOf(order: JsonObject): number {
  return Number(getScalarString(order, "id") ?? "0");
}

/** Opaque cursor: base64 of the sort tuple of the last item, like Shopify's `eyJsYXN0X2lkIjo…`. */
export function encodeCursor(lastId: number, lastValue: number): string {
  return Buffer.from(JSON.stringify({ last_id: lastId, last_value: lastValue })).toString(
    "base64url",
  );
}

export function decodeCursor(cursor: string): { lastId: number; lastValue: number } | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      typeof (parsed as { last_id?: unknown }).last_id === "number" &&
      typeof (parsed as { last_value?: unknown }).last_value === "number"
    ) {
      const { last_id, last_value } = parsed as { last_id: number; last_value: number };
      return { lastId: last_id, lastValue: last_value };
    }
  } catch {
    // fall through
  }
  return null;
}
