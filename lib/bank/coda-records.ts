import { BankStatementError } from "./bank-statement-error";

/** Every CODA record is 128 characters (Febelfin CODA 2.x). */
export const CODA_RECORD_LENGTH = 128;

export type CodaRecordType = "0" | "1" | "21" | "22" | "23" | "31" | "32" | "33" | "4" | "8" | "9";

export interface CodaRecord {
  type: CodaRecordType;
  /** The record, padded with blanks to 128 characters. */
  text: string;
  /** 1-based line in the file, for error messages. */
  lineNumber: number;
}

const TWO_PART_TYPES = new Set(["21", "22", "23", "31", "32", "33"]);

/**
 * Splits a CODA file into records. Accepts LF, CRLF and lone CR line ends (all seen in
 * the wild), a missing final line end and a DOS end-of-file character. Lines shorter
 * than 128 characters are padded: editors and mail gateways strip trailing blanks, and
 * every field that matters is validated when read, so a cut record still fails there.
 * A longer line means the text was decoded with the wrong encoding (UTF-8 read as
 * Latin-1 makes "é" two characters) or is not CODA at all: refused.
 */
export function splitCodaRecords(text: string): CodaRecord[] {
  const records: CodaRecord[] = [];
  const lines = withoutEndOfFile(text.replace(/^\uFEFF/, "")).split(/\r\n|\n|\r/);
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === "") return;
    if (line.length > CODA_RECORD_LENGTH) {
      throw new BankStatementError(
        "invalid_record",
        `CODA records are ${CODA_RECORD_LENGTH} characters, this one has ${line.length} (wrong encoding, or not a CODA file?)`,
        lineNumber,
      );
    }
    records.push({
      type: recordType(line, lineNumber),
      text: line.padEnd(CODA_RECORD_LENGTH, " "),
      lineNumber,
    });
  });
  return records;
}

/** DOS tools end text files with Ctrl-Z (0x1A); some bank exports still do. */
const END_OF_FILE = String.fromCharCode(0x1a);

function withoutEndOfFile(text: string): string {
  let end = text.trimEnd();
  while (end.endsWith(END_OF_FILE)) end = end.slice(0, -1).trimEnd();
  return end;
}

function recordType(line: string, lineNumber: number): CodaRecordType {
  const first = line.charAt(0);
  if (first === "0" || first === "1" || first === "4" || first === "8" || first === "9")
    return first;
  const two = line.slice(0, 2);
  if (TWO_PART_TYPES.has(two)) return two as CodaRecordType;
  throw new BankStatementError(
    "invalid_record",
    `Unknown CODA record type ${JSON.stringify(line.slice(0, 2))}`,
    lineNumber,
  );
}

/**
 * Positions `from`-`to` of a record, 1-based and inclusive as in the Febelfin tables, so
 * the code can be checked against the specification field by field.
 */
export function codaField(record: CodaRecord, from: number, to: number): string {
  return record.text.slice(from - 1, to);
}

/** A field that must be all digits (amounts, dates, counters). */
export function codaDigits(record: CodaRecord, from: number, to: number, what: string): string {
  const value = codaField(record, from, to);
  if (!/^\d+$/.test(value)) {
    throw new BankStatementError(
      "invalid_record",
      `${what} (positions ${from}-${to}) should be digits, found ${JSON.stringify(value)}`,
      record.lineNumber,
    );
  }
  return value;
}
