/** Optional payload text: trimmed, and "" counts as absent (Shopify sends both). */
export function optionalText(value: string | number | boolean | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}
