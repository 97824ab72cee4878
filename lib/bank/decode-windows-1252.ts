/**
 * Windows-1252 bytes 0x80-0x9F (€, ‘ ’ “ ” …, Š, Ž, Œ): the rest is Latin-1, one byte one
 * code point. The five bytes Windows leaves unassigned map to the same C1 code point,
 * as the WHATWG Encoding standard says.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decodes Windows-1252 (what Belgian banks' "Latin-1" CODA files really are). Written out
 * because Node 20's `TextDecoder("windows-1252")` decodes 0x80-0x9F as Latin-1 control
 * characters, which would turn a "€" or a curly apostrophe in a name into garbage.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (byte) =>
        byte >= 0x80 && byte <= 0x9f ? (HIGH[byte - 0x80] ?? byte) : byte,
      ),
    );
  }
  return text;
}
