/**
 * Strings an attacker (or an unlucky customer) can type into any Shopify order
 * field, and a payload with one of them in every free-text field.
 */
export const HOSTILE_STRINGS = [
  `<script>alert("xss-script")</script>`,
  `"><img src=x onerror=alert("xss-img")>`,
  `'; DROP TABLE document; --`,
  `' OR '1'='1`,
  `\u202Egnp.exe\u202C RTL \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627`,
  `🧾💥 👩‍👩‍👧 emoji`,
  `{{7*7}} \${7*7} <%= 7*7 %>`,
  `javascript:alert("xss-href")`,
  `Louise\r\nBcc: attacker@evil.example`,
  `</textarea></pre></title><svg onload=alert("xss-svg")>`,
] as const;

/** Markers that must never appear unescaped in HTML the app serves. */
export const UNESCAPED_MARKERS = [
  `<script>alert("xss-script")`,
  `<img src=x onerror=`,
  `<svg onload=`,
] as const;

// Free-text fields of an order (and of its lines, addresses, customer): ids, amounts,
// dates, codes and the email address keep their real values.
const TEXT_KEYS = new Set([
  "name",
  "title",
  "variant_title",
  "vendor",
  "sku",
  "note",
  "first_name",
  "last_name",
  "company",
  "address1",
  "address2",
  "city",
  "province",
  "tags",
  "value",
]);

/** Every free-text field replaced by a hostile string, in turn. */
export function withHostileText(payload: unknown): unknown {
  let n = 0;
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    if (typeof value === "string" && key && TEXT_KEYS.has(key)) {
      return HOSTILE_STRINGS[n++ % HOSTILE_STRINGS.length];
    }
    return value;
  };
  return walk(payload);
}
