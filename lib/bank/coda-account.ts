import { BankStatementError } from "./bank-statement-error";
import { codaField, type CodaRecord } from "./coda-records";
import { ownAccountIban } from "./account-number";
import { checkStatementCurrency } from "./statement-currency";

export interface CodaAccount {
  /** IBAN (composed from the Belgian BBAN for structure 0), or the foreign number as is. */
  iban: string;
  /** Whether `iban` passes the IBAN check (anonymised samples do not). */
  valid: boolean;
  currency: string;
}

/**
 * The account of record 1. Position 2 says how positions 6-42 are laid out:
 * `0` Belgian BBAN (6-17) + currency (19-21); `1` foreign account (6-39); `2` Belgian
 * IBAN (6-36); `3` foreign IBAN (6-39); currency at 40-42 for 1-3. Record 8 repeats the
 * zone at 5-41 but anonymised samples change it there, so record 1 is the one read.
 */
export function readCodaAccount(record: CodaRecord): CodaAccount {
  const structure = codaField(record, 2, 2);
  if (structure === "0") {
    const { iban, valid } = ownAccountIban(codaField(record, 6, 17), true);
    return {
      iban,
      valid,
      currency: checkStatementCurrency(codaField(record, 19, 21), record.lineNumber),
    };
  }
  if (structure === "1" || structure === "2" || structure === "3") {
    const account = codaField(record, 6, 39).trim();
    const { iban, valid } = ownAccountIban(account, false);
    return {
      iban,
      valid: valid && structure !== "1",
      currency: checkStatementCurrency(codaField(record, 40, 42), record.lineNumber),
    };
  }
  throw new BankStatementError(
    "invalid_record",
    `Account structure (position 2) should be 0-3, found ${JSON.stringify(structure)}`,
    record.lineNumber,
  );
}
