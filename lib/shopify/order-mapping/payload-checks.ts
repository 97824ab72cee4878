import type { z } from "zod";
import { assertCurrency, MoneyError } from "@/lib/money";
import { ShopifyPayloadError, summariseIssues, type ShopifyPayloadIssue } from "./errors";

export function isPlainObject(json: unknown): json is Record<string, unknown> {
  return typeof json === "object" && json !== null && !Array.isArray(json);
}

export function zodIssues(error: z.ZodError): ShopifyPayloadIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    message: issue.message,
  }));
}

export function payloadError(what: string, issues: ShopifyPayloadIssue[]): ShopifyPayloadError {
  return new ShopifyPayloadError("invalid_payload", summariseIssues(what, issues), issues);
}

/**
 * Facturo keeps money in cents of two-decimal currencies. A JPY or KWD order would be
 * read 100× or 10× off, so it is refused here rather than mis-invoiced.
 */
export function checkCurrency(code: string, path: string): ShopifyPayloadError | null {
  try {
    assertCurrency(code);
    return null;
  } catch (error) {
    const message = error instanceof MoneyError ? error.message : String(error);
    return new ShopifyPayloadError("unsupported_currency", `${path}: ${message}`, [
      { path, message },
    ]);
  }
}
