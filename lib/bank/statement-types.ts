/**
 * A bank statement as the reconciliation needs it, whatever file it came from (CODA or
 * camt.053). Amounts are integer cents, dates are calendar dates `YYYY-MM-DD` as the
 * bank wrote them (no time zone: a booking date is a day in the bank's books).
 */
export type StatementFormat = "coda" | "camt053";

export interface BankStatement {
  format: StatementFormat;
  /**
   * The statement's own account, IBAN in electronic form (`BE68539007547034`). When the
   * file carries an account that is not a valid IBAN (anonymised samples, a foreign BBAN),
   * it is kept as written and an `invalid_account` warning says so.
   */
  accountIban: string;
  /** ISO 4217, two minor digits (other currencies are refused: cents would lie). */
  currency: string;
  /**
   * The bank's identification of this statement, stable across re-imports of the same
   * file: camt.053 `Stmt/Id`; CODA `YYYY/paper number/CODA sequence` (record 1
   * positions 3-5 and 126-128, the year of the statement date, because paper numbers
   * restart every year). Deduplicate on `(accountIban, statementId)`.
   */
  statementId: string;
  openingBalanceCents?: number;
  closingBalanceCents?: number;
  /** The statement date: the closing-balance date, else the period end or creation date. */
  date: string;
  lines: StatementLine[];
  /**
   * What the file said that does not add up or could not be used, for the merchant and the
   * logs. Never a reason to refuse the file: real files have these (see README).
   */
  warnings: StatementWarning[];
}

export interface StatementLine {
  /**
   * Unique within the statement and the same on every import of the same file, so that a
   * re-import is idempotent on `(accountIban, statementId, lineId)`. CODA: movement
   * sequence/detail (`0002/0000`); camt.053: entry number, plus the transaction number
   * in a batch (`3`, `2.1`).
   */
  lineId: string;
  bookingDate: string;
  valueDate?: string;
  /** Positive = credit (money in), negative = debit. Never 0 for a booked movement. */
  amountCents: number;
  currency: string;
  counterpartyName?: string;
  /** The counterparty's account as a valid IBAN (electronic form), when it is one. */
  counterpartyIban?: string;
  /** The counterparty's account exactly as written (BBAN, anonymised or invalid IBAN…). */
  counterpartyAccount?: string;
  /**
   * A Belgian structured communication (OGM/VCS), 12 digits whose check digits are
   * valid. Only set from the field the bank marks as structured; an OGM typed in the free
   * text is found by the matcher, not here.
   */
  structuredCommunication?: string;
  /**
   * The structured reference exactly as the file carried it, valid or not (a bad OGM,
   * an RF or a Swiss ISR reference). Set with no `structuredCommunication` means: there
   * was a reference but it is not a valid OGM.
   */
  creditorReference?: string;
  /** Unstructured communication, blanks collapsed. */
  freeText?: string;
  /** The bank's reference of the movement (CODA 2.1 positions 11-31, camt `AcctSvcrRef`). */
  bankReference?: string;
  /** The payer's end-to-end reference (CODA 2.2 positions 64-98, camt `EndToEndId`). */
  endToEndId?: string;
  /** CODA 8-digit transaction code, camt `Domn/Fmly/SubFmly` (`PMNT/RCDT/ESCT`). */
  transactionCode?: string;
  /** camt.053 `RvslInd`: this booking reverses an earlier one; never a customer payment. */
  reversal?: boolean;
}

export type StatementWarningCode =
  /** Opening balance + Σ lines ≠ closing balance. */
  | "balance_mismatch"
  /** CODA record 9 totals of debits/credits ≠ Σ booked lines. */
  | "trailer_totals_mismatch"
  /** CODA record 9 record count ≠ records in the file. */
  | "trailer_record_count_mismatch"
  /** A reference marked as OGM whose check digits are wrong (ignored for matching). */
  | "invalid_structured_communication"
  /** The statement's account is not a valid IBAN. */
  | "invalid_account"
  /** CODA header flags the file as a duplicate (resent by the bank). */
  | "duplicate_file"
  /** camt.053 batch whose transactions do not add up to the entry: kept as one line. */
  | "batch_not_split"
  /** camt.053 entry that is not booked (pending, information): left out. */
  | "entry_not_booked";

export interface StatementWarning {
  code: StatementWarningCode;
  message: string;
  lineId?: string;
}
