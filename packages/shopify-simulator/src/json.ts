/**
 * JSON value types and small typed accessors. Stored orders are the REST payloads exactly
 * as given (unknown keys included), so they are handled as JSON, not as a fixed interface.
 */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function getObject(source: JsonObject, key: string): JsonObject | null {
  const value = source[key];
  return isJsonObject(value) ? value : null;
}

export function getArray(source: JsonObject, key: string): JsonValue[] {
  const value = source[key];
  return Array.isArray(value) ? value : [];
}

/** The elements of an array field that are objects (payload arrays of records). */
export function getObjects(source: JsonObject, key: string): JsonObject[] {
  return getArray(source, key).filter(isJsonObject);
}

export function getString(source: JsonObject, key: string): string | null {
  const value = source[key];
  return typeof value === "string" ? value : null;
}

/** A scalar rendered as a string (money fields are strings in some payloads, numbers in others). */
export function getScalarString(source: JsonObject, key: string): string | null {
  const value = source[key];
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return null;
}

export function getNumber(source: JsonObject, key: string): number | null {
  const value = source[key];
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
}

export function getBoolean(source: JsonObject, key: string): boolean | null {
  const value = source[key];
  return typeof value === "boolean" ? value : null;
}

/** A deep copy, so stored state never aliases a caller's object. */
export function cloneJson<T extends JsonValue>(value: T): T {
  return structuredClone(value);
}

/** An id field as a comparable string ("" when missing or not a scalar). */
export function idKey(value: JsonValue | undefined): string {
  return typeof value === "string" || typeof value === "number" ? String(value) : "";
}
