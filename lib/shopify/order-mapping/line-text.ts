/**
 * Text from a Shopify payload is merchant- or customer-typed and ends up on a legal
 * document. Markup such as `<script>` is kept as plain text: escaping is the job of
 * whatever renders it (React, the PDF renderer, XML writers). What is removed is what
 * cannot be printed or can disguise the text: control characters, and the Unicode
 * bidi overrides/isolates that make "exe.txt" display as "txt.exe". Right-to-left
 * letters themselves (Arabic, Hebrew) are kept.
 */
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const INVISIBLE = /[\u200B\uFEFF]/g;
const WHITESPACE_RUN = /[\s\u2028\u2029]+/g;

const ELLIPSIS = "…";

export function cleanText(value: string | null | undefined): string {
  if (!value) return "";
  return value
    .normalize("NFC")
    .replace(CONTROL, " ")
    .replace(BIDI_CONTROLS, "")
    .replace(INVISIBLE, "")
    .replace(WHITESPACE_RUN, " ")
    .trim();
}

/**
 * Cuts to at most `max` UTF-16 code units (what zod's `.max()` counts) without
 * splitting a surrogate pair, and marks the cut with "…".
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - ELLIPSIS.length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1; // would keep half a pair
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/** The concept schema's limits (lib/documents/concept-schema.ts). */
export const DESCRIPTION_MAX = 500;
export const SKU_MAX = 100;

export function lineDescription(parts: readonly (string | null | undefined)[], fallback: string) {
  const text = parts.map(cleanText).filter(Boolean).join(" – ");
  return truncateText(text || fallback, DESCRIPTION_MAX);
}

export function lineSku(sku: string | null | undefined): string | null {
  const text = cleanText(sku);
  return text ? truncateText(text, SKU_MAX) : null;
}
