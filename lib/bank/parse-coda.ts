import { BankStatementError } from "./bank-statement-error";
import { readCodaAccount, type CodaAccount } from "./coda-account";
import { bookedMovements } from "./coda-booked-movements";
import { movementLine, movementMills, startMovement, type CodaMovement } from "./coda-movement";
import { codaDigits, codaField, splitCodaRecords, type CodaRecord } from "./coda-records";
import { codaAmountCents, codaDate, codaRequiredDate } from "./coda-values";
import { balanceWarnings } from "./statement-totals";
import type { BankStatement, StatementWarning } from "./statement-types";

/** Record 0 to record 9: one "file" inside the text, which can hold several statements. */
interface CodaFile {
  creationDate: string;
  duplicate: boolean;
  /** Records between 0 and 9, compared with the trailer's count. */
  recordCount: number;
  /** Σ booked debits / credits in thousandths, compared with the trailer's totals. */
  debitMills: bigint;
  creditMills: bigint;
  statements: BankStatement[];
}

/** Record 1 to record 8. */
interface OpenStatement {
  opening: CodaRecord;
  account: CodaAccount;
  movements: CodaMovement[];
}

/**
 * Parses a CODA 2.x text (Febelfin "coded statement of account") into its statements.
 * A text can hold several files (record 0 … record 9), each with one or more statements
 * (record 1 … record 8). Positions are those of docs/belgian-invoicing.md §5.1 / Febelfin CODA 2.3-2.6.
 *
 * Refuses (BankStatementError) what cannot be trusted: unknown records, non-digits in
 * amounts and dates, records out of place, a file that stops before its record 8 or 9.
 * Keeps, with a warning, what real files do get wrong: totals and balances that do not
 * add up, bad OGM check digits, invalid account numbers.
 */
export function parseCoda(text: string): BankStatement[] {
  const records = splitCodaRecords(text);
  if (records.length === 0) throw new BankStatementError("empty", "The CODA file is empty");

  const statements: BankStatement[] = [];
  let file: CodaFile | undefined;
  let open: OpenStatement | undefined;

  for (const record of records) {
    if (record.type === "0") {
      if (file) {
        throw new BankStatementError(
          "truncated",
          "A new CODA header (record 0) starts before the trailer (record 9) of the previous file",
          record.lineNumber,
        );
      }
      file = readHeader(record);
      continue;
    }
    if (!file) {
      throw new BankStatementError(
        "invalid_record",
        `CODA record ${record.type} before the header (record 0)`,
        record.lineNumber,
      );
    }
    if (record.type === "9") {
      if (open) {
        throw new BankStatementError(
          "truncated",
          "The trailer (record 9) comes before the new balance (record 8): the statement is cut",
          record.lineNumber,
        );
      }
      checkTrailer(file, record);
      file = undefined;
      continue;
    }

    file.recordCount += 1;
    switch (record.type) {
      case "1":
        if (open) {
          throw new BankStatementError(
            "truncated",
            "A new statement (record 1) starts before the new balance (record 8) of the previous one",
            record.lineNumber,
          );
        }
        open = { opening: record, account: readCodaAccount(record), movements: [] };
        break;
      case "21":
        requireOpen(open, record).movements.push(startMovement(record));
        break;
      case "22":
      case "23":
        attachPart(requireOpen(open, record), record);
        break;
      case "31":
      case "32":
      case "33":
        attachInformation(requireOpen(open, record), record);
        break;
      case "4":
        // Free communication from the bank to the account holder: not about a movement.
        requireOpen(open, record);
        break;
      case "8": {
        const statement = closeStatement(file, requireOpen(open, record), record);
        file.statements.push(statement);
        statements.push(statement);
        open = undefined;
        break;
      }
    }
  }

  if (open) {
    throw new BankStatementError(
      "truncated",
      "The CODA file ends before the new balance (record 8) of its last statement",
    );
  }
  if (file)
    throw new BankStatementError("truncated", "The CODA file ends without its trailer (record 9)");
  return statements;
}

function readHeader(record: CodaRecord): CodaFile {
  const version = codaField(record, 128, 128);
  if (version === "1") {
    throw new BankStatementError(
      "unsupported_format",
      "CODA version 1 (position 128 of record 0): ask the bank for CODA version 2",
      record.lineNumber,
    );
  }
  if (version !== "2") {
    throw new BankStatementError(
      "invalid_record",
      `CODA header: the version (position 128) should be 2, found ${JSON.stringify(version)}`,
      record.lineNumber,
    );
  }
  return {
    creationDate: codaRequiredDate(record, 6, "Creation date (positions 6-11)"),
    duplicate: codaField(record, 17, 17) === "D",
    recordCount: 0,
    debitMills: 0n,
    creditMills: 0n,
    statements: [],
  };
}

function requireOpen(open: OpenStatement | undefined, record: CodaRecord): OpenStatement {
  if (!open) {
    throw new BankStatementError(
      "invalid_record",
      `CODA record ${record.type} outside a statement (no record 1 before it)`,
      record.lineNumber,
    );
  }
  return open;
}

/** 2.2 and 2.3 continue the 2.1 just before them, with the same sequence and detail. */
function attachPart(open: OpenStatement, record: CodaRecord): void {
  const movement = open.movements.at(-1);
  const sequence = codaField(record, 3, 6);
  const detail = codaField(record, 7, 10);
  const slot = record.type === "22" ? "part2" : "part3";
  if (!movement || movement.sequence !== sequence || movement.detail !== detail || movement[slot]) {
    throw new BankStatementError(
      "invalid_record",
      `CODA record ${record.type} ${sequence}/${detail} does not continue the movement before it`,
      record.lineNumber,
    );
  }
  movement[slot] = record;
}

/**
 * 3.x records describe the last movement of their sequence; their own detail number
 * counts information records, not movement details, so only the sequence must agree.
 */
function attachInformation(open: OpenStatement, record: CodaRecord): void {
  const movement = open.movements.at(-1);
  if (!movement || movement.sequence !== codaField(record, 3, 6)) {
    throw new BankStatementError(
      "invalid_record",
      `CODA information record ${record.type} does not belong to the movement before it`,
      record.lineNumber,
    );
  }
  movement.information.push(record);
}

function closeStatement(file: CodaFile, open: OpenStatement, closing: CodaRecord): BankStatement {
  const { opening, account } = open;
  const warnings: StatementWarning[] = [];
  if (file.duplicate) {
    warnings.push({
      code: "duplicate_file",
      message: "The bank marked this CODA file as a duplicate (position 17 of record 0)",
    });
  }
  if (!account.valid) {
    warnings.push({
      code: "invalid_account",
      message: `The statement's account ${account.iban} is not a valid IBAN`,
    });
  }

  const booked = bookedMovements(open.movements);
  const lines = booked.map((movement) => {
    const { line, warnings: lineWarnings } = movementLine(movement, account.currency);
    warnings.push(...lineWarnings);
    const mills = movementMills(movement);
    if (mills < 0n) file.debitMills -= mills;
    else file.creditMills += mills;
    return line;
  });

  const openingBalanceCents = codaAmountCents(opening, 43, "Old balance");
  const closingBalanceCents = codaAmountCents(closing, 42, "New balance");
  warnings.push(...balanceWarnings(lines, openingBalanceCents, closingBalanceCents));

  const date = codaDate(closing, 58, "New balance date") ?? file.creationDate;
  const paperNumber = codaDigits(opening, 3, 5, "Paper statement number");
  const codaSequence = codaField(opening, 126, 128).trim() || "000";
  return {
    format: "coda",
    accountIban: account.iban,
    currency: account.currency,
    statementId: `${date.slice(0, 4)}/${paperNumber}/${codaSequence}`,
    openingBalanceCents,
    closingBalanceCents,
    date,
    lines,
    warnings,
  };
}

/**
 * Record 9: positions 17-22 number of records (without 0 and 9), 23-37 total debits,
 * 38-52 total credits, unsigned thousandths. Mismatches are reported on the file's
 * last statement, not thrown: two public samples were edited by hand and do not agree
 * with their own trailer, and the movements themselves are still readable.
 */
function checkTrailer(file: CodaFile, record: CodaRecord): void {
  const last = file.statements.at(-1);
  if (!last) {
    throw new BankStatementError(
      "invalid_record",
      "A CODA file without any statement",
      record.lineNumber,
    );
  }
  const count = Number(codaDigits(record, 17, 22, "Trailer record count"));
  const debits = BigInt(codaDigits(record, 23, 37, "Trailer debits"));
  const credits = BigInt(codaDigits(record, 38, 52, "Trailer credits"));
  if (count !== file.recordCount) {
    last.warnings.push({
      code: "trailer_record_count_mismatch",
      message: `The trailer counts ${count} records, the file has ${file.recordCount}`,
    });
  }
  if (debits !== file.debitMills || credits !== file.creditMills) {
    last.warnings.push({
      code: "trailer_totals_mismatch",
      message: `The trailer totals debits ${formatMills(debits)} and credits ${formatMills(credits)}, the booked movements ${formatMills(file.debitMills)} and ${formatMills(file.creditMills)}`,
    });
  }
}

function formatMills(mills: bigint): string {
  const digits = mills.toString().padStart(4, "0");
  return `${digits.slice(0, -3)}.${digits.slice(-3)}`;
}
