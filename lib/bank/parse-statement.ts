import { decodeStatementBytes } from "./decode-statement-bytes";
import { detectFormat } from "./detect-format";
import { parseCamt053 } from "./parse-camt053";
import { parseCoda } from "./parse-coda";
import type { BankStatement } from "./statement-types";

/**
 * An uploaded statement file → its statements, whatever the format. Give it the bytes
 * (a Buffer) rather than text when you can: CODA files are usually Latin-1, and only the
 * bytes say which encoding to read them with. Throws `BankStatementError` for anything
 * that cannot be read as a whole.
 */
export function parseStatement(input: Uint8Array | string): BankStatement[] {
  const text = typeof input === "string" ? input : decodeStatementBytes(input);
  return detectFormat(text) === "coda" ? parseCoda(text) : parseCamt053(text);
}
