/** PostgreSQL's unique_violation, whether the driver's error comes bare or wrapped by Drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

// Connection refused or reset, server shutting down or starting (57P0x), connection
// exceptions (08xxx): the database is away, not the request wrong.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
]);

/** Whether a failure means "the database cannot be reached right now" (retry later). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08")))
      return true;
    if (/Connection terminated|connection timeout/i.test(e.message)) return true;
  }
  return false;
}

/**
 * The database refused to change an issued document, its lines or a stored original
 * (the triggers of migration 0016; SQLSTATE FCT01). The app never tries: a caught one
 * is a bug or someone writing to the database by hand.
 */
export function isIssuedDocumentImmutable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === "FCT01") return true;
  }
  return false;
}
