import { readAccountNumber } from "./account-number";
import { BankStatementError } from "./bank-statement-error";
import { codaAmountCents, codaAmountMills, codaDate, codaRequiredDate } from "./coda-values";
import { codaDigits, codaField, type CodaRecord } from "./coda-records";
import { readCreditorReference } from "./read-creditor-reference";
import type { StatementLine, StatementWarning } from "./statement-types";

/** One movement: its record 2.1, the optional 2.2 and 2.3, and its information records 3.x. */
export interface CodaMovement {
  /** Positions 3-6: the movement's number in the statement. */
  sequence: string;
  /** Positions 7-10: `0000` for the movement, `0001`… for the details of a globalisation. */
  detail: string;
  part1: CodaRecord;
  part2?: CodaRecord;
  part3?: CodaRecord;
  information: CodaRecord[];
}

export function startMovement(record: CodaRecord): CodaMovement {
  return {
    sequence: codaDigits(record, 3, 6, "Movement sequence"),
    detail: codaDigits(record, 7, 10, "Movement detail number"),
    part1: record,
    information: [],
  };
}

/**
 * Position 54, the first digit of the transaction code: 0 single amount, 1 total made by
 * the customer, 2 total made by the bank, 3 single amount with details; 5-9 details of
 * those (not booked by themselves).
 */
export function transactionType(movement: CodaMovement): number {
  return Number(codaDigits(movement.part1, 54, 54, "Transaction type"));
}

export function movementMills(movement: CodaMovement): bigint {
  return codaAmountMills(movement.part1, 32, "Movement amount");
}

/** Communication types whose positions 66-77 hold a Belgian OGM (docs/belgian-invoicing.md §5.1). */
const OGM_TYPES = new Set(["101", "102"]);

export function movementLine(
  movement: CodaMovement,
  currency: string,
): { line: StatementLine; warnings: StatementWarning[] } {
  const { part1, part2, part3 } = movement;
  const lineId = `${movement.sequence}/${movement.detail}`;
  const amountCents = codaAmountCents(part1, 32, "Movement amount");
  const line: StatementLine = {
    lineId,
    bookingDate: codaRequiredDate(part1, 116, "Entry date (positions 116-121)"),
    amountCents,
    currency,
  };
  const warnings: StatementWarning[] = [];

  const valueDate = codaDate(part1, 48, "Value date");
  if (valueDate) line.valueDate = valueDate;
  setText(line, "bankReference", codaField(part1, 11, 31));
  setText(line, "transactionCode", codaField(part1, 54, 61));

  const communicationKind = codaField(part1, 62, 62);
  if (communicationKind === "1") {
    // Structured: positions 63-65 type, then the data. Only 101/102 are payment
    // references; 105, 107, 114, 124, 127… describe amounts, direct debits, card
    // payments and are not free text either, so they are left out of `freeText`.
    const type = codaField(part1, 63, 65);
    if (OGM_TYPES.has(type)) {
      const reference = readCreditorReference(codaField(part1, 66, 77), true);
      line.creditorReference = reference.creditorReference;
      if (reference.structuredCommunication) {
        line.structuredCommunication = reference.structuredCommunication;
      } else {
        warnings.push({
          code: "invalid_structured_communication",
          message: `Structured communication ${reference.creditorReference} has wrong check digits; it is ignored for matching`,
          lineId,
        });
      }
    }
  } else if (communicationKind === "0") {
    // The free communication is one 53 + 53 + 43 character field cut over three records:
    // glue the pieces as they are (a word can be cut: "LOON" + "VERLIES"), then collapse
    // the padding.
    const pieces = [
      codaField(part1, 63, 115),
      part2 ? codaField(part2, 11, 63) : "",
      part3 ? codaField(part3, 83, 125) : "",
    ];
    setText(line, "freeText", pieces.join(""));
  } else {
    throw new BankStatementError(
      "invalid_record",
      `Communication type (position 62) should be 0 or 1, found ${JSON.stringify(communicationKind)}`,
      part1.lineNumber,
    );
  }

  if (part2) setText(line, "endToEndId", codaField(part2, 64, 98));
  if (part3) {
    const account = readAccountNumber(codaField(part3, 11, 44));
    if (account) {
      line.counterpartyAccount = account.raw;
      if (account.iban) line.counterpartyIban = account.iban;
    }
    setText(line, "counterpartyName", codaField(part3, 48, 82));
  }
  if (!line.counterpartyName) {
    const name = informationName(movement.information);
    if (name) line.counterpartyName = name;
  }
  return { line, warnings };
}

type TextField =
  "bankReference" | "transactionCode" | "freeText" | "endToEndId" | "counterpartyName";

function setText(line: StatementLine, field: TextField, raw: string): void {
  const text = raw.replace(/\s+/g, " ").trim();
  if (text !== "") line[field] = text;
}

/**
 * Record 3.1 with structured communication type 001 carries the counterparty's name at
 * positions 44-113; some banks give the name only there (no 2.3 record).
 */
function informationName(information: readonly CodaRecord[]): string | undefined {
  const first = information.find((record) => record.type === "31");
  if (!first || codaField(first, 40, 43) !== "1001") return undefined;
  const name = codaField(first, 44, 113).replace(/\s+/g, " ").trim();
  return name === "" ? undefined : name;
}
