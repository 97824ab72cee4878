/** Why a bank statement file was refused as a whole; callers map the code to a message. */
export type BankStatementErrorCode =
  /** Nothing in the file. */
  | "empty"
  /** Neither CODA nor camt.053 (a PDF, a spreadsheet, random text…). */
  | "unknown_format"
  /** A bank format we recognise but do not read (camt.052/054, MT940, CODA version 1). */
  | "unsupported_format"
  /** The bytes are not text in the encoding the file claims or that CODA uses. */
  | "encoding"
  /** The file stops before its end (no trailer record, unclosed XML). */
  | "truncated"
  /** A CODA record that is malformed or out of place. */
  | "invalid_record"
  /** Malformed XML or a camt.053 missing a mandatory element. */
  | "invalid_xml"
  /** An amount that is not a number of whole cents. */
  | "invalid_amount"
  /** A date that is not a calendar date. */
  | "invalid_date"
  /** A currency without two minor digits: cents would not mean cents. */
  | "unsupported_currency"
  /** XML nested deeper than any statement (a parser bomb: 150,000 nested tags). */
  | "too_deep"
  /** The parser itself failed (out of stack, out of memory): the file cannot be read. */
  | "unreadable";

export class BankStatementError extends Error {
  readonly code: BankStatementErrorCode;
  /** 1-based line of the file where the problem is, when known. */
  readonly line: number | undefined;

  constructor(code: BankStatementErrorCode, message: string, line?: number) {
    super(line === undefined ? message : `${message} (line ${line})`);
    this.name = "BankStatementError";
    this.code = code;
    this.line = line;
  }
}
