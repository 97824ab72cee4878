import { BankStatementError } from "./bank-statement-error";
import { calendarDate } from "./calendar-date";
import { codaDigits, codaField, type CodaRecord } from "./coda-records";
import { exactCents } from "./statement-amount";

/**
 * A CODA amount: a sign digit (`0` credit, `1` debit) and 15 digits with three implied
 * decimals, in thousandths. Totals are compared in thousandths (BigInt, exact, and a
 * trailer must not be refused for a digit no line uses); lines and balances convert to
 * cents exactly.
 */
export function codaAmountMills(record: CodaRecord, signAt: number, what: string): bigint {
  const sign = codaField(record, signAt, signAt);
  if (sign !== "0" && sign !== "1") {
    throw new BankStatementError(
      "invalid_record",
      `${what}: sign (position ${signAt}) should be 0 or 1, found ${JSON.stringify(sign)}`,
      record.lineNumber,
    );
  }
  const magnitude = BigInt(codaDigits(record, signAt + 1, signAt + 15, what));
  return sign === "1" ? -magnitude : magnitude;
}

export function codaAmountCents(record: CodaRecord, signAt: number, what: string): number {
  const mills = codaAmountMills(record, signAt, what);
  const digits = (mills < 0n ? -mills : mills).toString().padStart(4, "0");
  const decimal = `${mills < 0n ? "-" : ""}${digits.slice(0, -3)}.${digits.slice(-3)}`;
  return exactCents(decimal, record.lineNumber);
}

/**
 * `DDMMYY` → `YYYY-MM-DD`. CODA 2 dates from 1970-2069 read as such (the format dates
 * from the 1990s; a two-digit year cannot say more). `000000` means "no date".
 */
export function codaDate(record: CodaRecord, from: number, what: string): string | undefined {
  const text = codaDigits(record, from, from + 5, what);
  if (text === "000000") return undefined;
  const yy = Number(text.slice(4, 6));
  const year = yy < 70 ? 2000 + yy : 1900 + yy;
  return calendarDate(year, Number(text.slice(2, 4)), Number(text.slice(0, 2)), record.lineNumber);
}

/** A date that must be present. */
export function codaRequiredDate(record: CodaRecord, from: number, what: string): string {
  const date = codaDate(record, from, what);
  if (date === undefined) {
    throw new BankStatementError("invalid_date", `${what} is missing`, record.lineNumber);
  }
  return date;
}
