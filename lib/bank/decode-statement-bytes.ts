import { BankStatementError } from "./bank-statement-error";
import { decodeWindows1252 } from "./decode-windows-1252";

/**
 * Bytes of an uploaded statement → text, choosing the encoding the way these files are
 * written in practice:
 *
 * - a byte-order mark wins (UTF-8, UTF-16 LE/BE: Windows tools add them);
 * - XML uses the encoding its declaration names, UTF-8 by default, and must decode
 *   cleanly: a parser would otherwise read mojibake into names and references;
 * - CODA has no declaration and is usually Latin-1/Windows-1252 from Belgian banks
 *   (sometimes UTF-8 after a re-save): UTF-8 when the bytes are valid UTF-8, else
 *   Windows-1252. Valid UTF-8 by accident from Latin-1 text needs two or more accented
 *   letters in a row in a specific pattern, which names in CODA do not produce.
 */
export function decodeStatementBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new BankStatementError("empty", "The file is empty");

  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeStrict("utf-8", bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return decodeStrict("utf-16le", bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return decodeStrict("utf-16be", bytes.subarray(2));

  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]) || startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new BankStatementError(
      "unknown_format",
      "This is a PDF or ZIP file, not a CODA or camt.053 statement",
    );
  }
  if (bytes.includes(0)) {
    throw new BankStatementError(
      "encoding",
      "The file contains NUL bytes: binary data, or UTF-16 text without a byte-order mark",
    );
  }

  const firstByte = bytes.find((byte) => !isAsciiBlank(byte));
  if (firstByte === 0x3c /* "<" */) return decodeStrict(declaredXmlEncoding(bytes), bytes);

  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function isAsciiBlank(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** The `encoding="…"` of the XML declaration (ASCII by definition), default UTF-8. */
function declaredXmlEncoding(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return match?.[1] ?? "utf-8";
}

function decodeStrict(label: string, bytes: Uint8Array): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new BankStatementError("encoding", `Unknown text encoding "${label}"`);
  }
  // "ISO-8859-1", "latin1", "us-ascii"… all mean Windows-1252 (WHATWG), which never fails.
  if (decoder.encoding === "windows-1252") return decodeWindows1252(bytes);
  try {
    return decoder.decode(bytes);
  } catch {
    throw new BankStatementError(
      "encoding",
      `The file is not valid ${label} text (saved in another encoding than it declares?)`,
    );
  }
}
