/**
 * Mollie's API keys say their mode: `test_…` or `live_…` followed by letters and
 * digits. Checked before any call, so a pasted profile id or secret gets a clear error.
 */
const KEY_SHAPE = /^(test|live)_[A-Za-z0-9]{20,}$/;

export type MollieMode = "test" | "live";

export function mollieKeyMode(apiKey: string): MollieMode | null {
  const match = KEY_SHAPE.exec(apiKey.trim());
  return match ? (match[1] as MollieMode) : null;
}
