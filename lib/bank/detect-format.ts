import { BankStatementError } from "./bank-statement-error";
import type { StatementFormat } from "./statement-types";

/**
 * Which parser a statement's text needs, from its first bytes only. Recognised bank
 * formats that are not statements we read get their own message, because "unknown file"
 * is unhelpful when the merchant picked the camt.054 or MT940 export by mistake.
 */
export function detectFormat(text: string): StatementFormat {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start === "") throw new BankStatementError("empty", "The file is empty");

  if (start.startsWith("<")) {
    // The root element decides: 053 is the statement, 052 the intraday report, 054 the
    // debit/credit notification. Read the head only; the parser validates the rest.
    const head = start.slice(0, 4000);
    if (/<(?:[\w.-]+:)?BkToCstmrStmt[\s>]/.test(head)) return "camt053";
    if (/<(?:[\w.-]+:)?BkToCstmrAcctRpt[\s>]/.test(head)) {
      throw new BankStatementError(
        "unsupported_format",
        "This is a camt.052 account report, not a camt.053 statement: export the end-of-day statement",
      );
    }
    if (/<(?:[\w.-]+:)?BkToCstmrDbtCdtNtfctn[\s>]/.test(head)) {
      throw new BankStatementError(
        "unsupported_format",
        "This is a camt.054 notification, not a camt.053 statement",
      );
    }
    if (/<(?:[\w.-]+:)?CstmrCdtTrfInitn[\s>]/.test(head)) {
      throw new BankStatementError(
        "unsupported_format",
        "This is a payment order (pain.001), not a bank statement",
      );
    }
    throw new BankStatementError("unknown_format", "This XML file is not a camt.053 statement");
  }

  // CODA record 0: "0" then "0000" (positions 2-5), a 6-digit creation date.
  if (/^0{5}\d{6}/.test(start)) return "coda";
  if (/^(?:\{1:|:20:)/.test(start)) {
    throw new BankStatementError(
      "unsupported_format",
      "This is an MT940 statement: export CODA or camt.053 instead",
    );
  }
  throw new BankStatementError(
    "unknown_format",
    "This file is neither a CODA statement nor a camt.053 statement",
  );
}
