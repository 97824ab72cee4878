export { BankStatementError, type BankStatementErrorCode } from "./bank-statement-error";
export { decodeStatementBytes } from "./decode-statement-bytes";
export { detectFormat } from "./detect-format";
export { findStructuredCommunications } from "./find-structured-communications";
export { invoiceNumberPattern } from "./invoice-number-pattern";
export {
  matchStatementLines,
  type LineMatch,
  type LineMatchKind,
  type MatchRule,
  type OpenInvoice,
} from "./match-payments";
export { nameSimilarity, namesAreSimilar, NAME_SIMILARITY_THRESHOLD } from "./name-similarity";
export { parseCamt053 } from "./parse-camt053";
export { parseCoda } from "./parse-coda";
export { parseStatement } from "./parse-statement";
export { sumStatementLines, type StatementTotals } from "./statement-totals";
export type {
  BankStatement,
  StatementFormat,
  StatementLine,
  StatementWarning,
  StatementWarningCode,
} from "./statement-types";
