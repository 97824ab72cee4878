import path from "node:path";
import { Font } from "@react-pdf/renderer";

export const PDF_FONT_FAMILY = "DejaVu Sans";

/** Longest run of characters kept together before a forced break opportunity. */
const MAX_UNBROKEN = 18;

let registered = false;

/**
 * DejaVu Sans from the installed npm package (never fetched at render time): it
 * covers Latin, Greek, Cyrillic, Hebrew and Arabic, so customer names from any shop
 * render. Resolved from process.cwd() because Next.js bundling rewrites
 * import.meta.url (as db/client.ts does for migrations).
 */
export function registerPdfFonts(): void {
  if (registered) return;
  const dir = path.join(process.cwd(), "node_modules", "dejavu-fonts-ttf", "ttf");
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: path.join(dir, "DejaVuSans.ttf"), fontWeight: "normal" },
      { src: path.join(dir, "DejaVuSans-Bold.ttf"), fontWeight: "bold" },
    ],
  });
  // No syllable hyphenation (it would invent French/Dutch hyphens), but a word longer
  // than a column (an SKU, a URL, a 300-character name) may break anywhere so it
  // wraps instead of overflowing.
  Font.registerHyphenationCallback((word) => {
    if ([...word].length <= MAX_UNBROKEN) return [word];
    const chars = [...word];
    const parts: string[] = [];
    for (let i = 0; i < chars.length; i += MAX_UNBROKEN) {
      parts.push(chars.slice(i, i + MAX_UNBROKEN).join(""));
    }
    return parts;
  });
  registered = true;
}
