/**
 * Why a Shopify payload was refused. Webhook bodies are untrusted input: the worker
 * stores the delivery, and a refusal must say exactly which field was wrong so the
 * merchant (or we) can fix the shop's data instead of guessing.
 */
export type ShopifyPayloadErrorCode =
  | "not_an_object"
  | "not_an_order"
  | "not_a_refund"
  | "invalid_payload"
  | "invalid_amount"
  | "unsupported_currency"
  | "refund_order_mismatch"
  | "inconsistent_tax";

export interface ShopifyPayloadIssue {
  /** Dotted path into the payload, e.g. `line_items.0.price_set.presentment_money.amount`. */
  readonly path: string;
  readonly message: string;
}

export class ShopifyPayloadError extends Error {
  readonly code: ShopifyPayloadErrorCode;
  readonly issues: readonly ShopifyPayloadIssue[];

  constructor(code: ShopifyPayloadErrorCode, message: string, issues: ShopifyPayloadIssue[] = []) {
    super(message);
    this.name = "ShopifyPayloadError";
    this.code = code;
    this.issues = issues;
  }
}

/** Parsers return errors as values: a bad webhook body is expected, not exceptional. */
export type ParseResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: ShopifyPayloadError };

/** One message naming the first few culprits, for logs and the merchant's sync screen. */
export function summariseIssues(what: string, issues: readonly ShopifyPayloadIssue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path || "(root)"}: ${issue.message}`);
  const more = issues.length > 3 ? ` (+${issues.length - 3} more)` : "";
  return `${what}: ${shown.join("; ")}${more}`;
}
