import { ownAccountIban } from "./account-number";
import { BankStatementError } from "./bank-statement-error";
import { isoCalendarDate } from "./calendar-date";
import { applyTransactionDetails } from "./camt-transaction";
import { child, children, parseXmlDocument, text, type XmlElement } from "./camt-xml";
import { readCamtAmount, readCamtDate, readEntryStatus } from "./camt-values";
import { checkStatementCurrency } from "./statement-currency";
import { balanceWarnings } from "./statement-totals";
import type { BankStatement, StatementLine, StatementWarning } from "./statement-types";

/**
 * Parses an ISO 20022 camt.053 (BankToCustomerStatement, any version .001.02 onwards:
 * elements are matched by local name) into its statements, one per `Stmt`.
 *
 * One line per booked entry (`Ntry`), except batches: an entry whose `TxDtls` carry their
 * own amounts adding up to the entry becomes one line per `TxDtls`, because each is a
 * different customer's payment with its own reference (docs/belgian-invoicing.md §5.2).
 */
export function parseCamt053(xml: string): BankStatement[] {
  const document = child(parseXmlDocument(xml), "Document");
  const root = child(document, "BkToCstmrStmt");
  if (!root) {
    throw new BankStatementError(
      "unknown_format",
      "This XML is not a camt.053 statement (no Document/BkToCstmrStmt)",
    );
  }
  const statements = children(root, "Stmt");
  if (statements.length === 0) {
    throw new BankStatementError("invalid_xml", "The camt.053 file holds no statement (Stmt)");
  }
  const messageDate = text(root, "GrpHdr", "CreDtTm");
  return statements.map((statement, index) => readStatement(statement, index, messageDate));
}

function readStatement(
  statement: XmlElement,
  index: number,
  messageDate: string | undefined,
): BankStatement {
  const where = `Statement ${index + 1}`;
  const statementId = text(statement, "Id");
  if (!statementId) throw new BankStatementError("invalid_xml", `${where} has no Id`);

  const accountId = child(statement, "Acct", "Id");
  const accountText = text(accountId, "IBAN") ?? text(accountId, "Othr", "Id");
  if (!accountText)
    throw new BankStatementError("invalid_xml", `${where} has no account (Acct/Id)`);
  const account = ownAccountIban(accountText, false);
  const warnings: StatementWarning[] = [];
  if (!account.valid) {
    warnings.push({
      code: "invalid_account",
      message: `The statement's account ${account.iban} is not a valid IBAN`,
    });
  }

  const balances = children(statement, "Bal");
  const opening = findBalance(balances, "OPBD") ?? findBalance(balances, "PRCD");
  const closing = findBalance(balances, "CLBD");
  const currencyText =
    text(statement, "Acct", "Ccy") ??
    (closing ?? opening)?.amount.currency ??
    children(statement, "Ntry")
      .map((entry) => child(entry, "Amt")?.["@Ccy"])
      .find((value): value is string => typeof value === "string");
  if (!currencyText) throw new BankStatementError("invalid_xml", `${where} has no currency`);
  const currency = checkStatementCurrency(currencyText);

  const date =
    closing?.date ??
    dateOf(text(statement, "FrToDt", "ToDtTm")) ??
    dateOf(text(statement, "CreDtTm")) ??
    dateOf(messageDate);
  if (!date) throw new BankStatementError("invalid_xml", `${where} has no date`);

  const lines = children(statement, "Ntry").flatMap((entry, entryIndex) =>
    readEntry(entry, String(entryIndex + 1), currency, date, warnings),
  );
  const openingBalanceCents = opening?.amount.cents;
  const closingBalanceCents = closing?.amount.cents;
  warnings.push(...balanceWarnings(lines, openingBalanceCents, closingBalanceCents));

  const result: BankStatement = {
    format: "camt053",
    accountIban: account.iban,
    currency,
    statementId,
    date,
    lines,
    warnings,
  };
  if (openingBalanceCents !== undefined) result.openingBalanceCents = openingBalanceCents;
  if (closingBalanceCents !== undefined) result.closingBalanceCents = closingBalanceCents;
  return result;
}

function dateOf(value: string | undefined): string | undefined {
  return value === undefined ? undefined : isoCalendarDate(value);
}

function findBalance(balances: XmlElement[], code: string) {
  const balance = balances.find(
    (candidate) =>
      (text(candidate, "Tp", "CdOrPrtry", "Cd") ?? text(candidate, "Tp", "CdOrPrtry", "Prtry")) ===
      code,
  );
  if (!balance) return undefined;
  return {
    amount: readCamtAmount(child(balance, "Amt"), text(balance, "CdtDbtInd"), `Balance ${code}`),
    date: readCamtDate(child(balance, "Dt")),
  };
}

function readEntry(
  entry: XmlElement,
  lineId: string,
  currency: string,
  statementDate: string,
  warnings: StatementWarning[],
): StatementLine[] {
  const status = readEntryStatus(entry);
  if (status !== undefined && status !== "BOOK") {
    warnings.push({
      code: "entry_not_booked",
      message: `Entry ${lineId} has status ${status}, not booked: left out`,
      lineId,
    });
    return [];
  }
  const amount = readCamtAmount(child(entry, "Amt"), text(entry, "CdtDbtInd"), `Entry ${lineId}`);
  if (amount.currency !== currency) {
    throw new BankStatementError(
      "invalid_xml",
      `Entry ${lineId} is in ${amount.currency}, the statement in ${currency}`,
    );
  }

  const base: StatementLine = {
    lineId,
    bookingDate:
      readCamtDate(child(entry, "BookgDt")) ?? readCamtDate(child(entry, "ValDt")) ?? statementDate,
    amountCents: amount.cents,
    currency,
  };
  const valueDate = readCamtDate(child(entry, "ValDt"));
  if (valueDate) base.valueDate = valueDate;
  if (text(entry, "RvslInd") === "true") base.reversal = true;
  const bankReference = text(entry, "AcctSvcrRef") ?? text(entry, "NtryRef");
  if (bankReference) base.bankReference = bankReference;
  const transactionCode = readTransactionCode(child(entry, "BkTxCd"));
  if (transactionCode) base.transactionCode = transactionCode;
  const entryText = text(entry, "AddtlNtryInf");

  const transactions = children(entry, "NtryDtls").flatMap((details) =>
    children(details, "TxDtls"),
  );
  if (transactions.length <= 1) {
    const line = { ...base };
    const [transaction] = transactions;
    if (transaction) applyTransactionDetails(line, transaction, warnings);
    if (!line.freeText && entryText) line.freeText = entryText;
    return [line];
  }

  const amounts = transactions.map((transaction) => transactionAmount(transaction, entry));
  const total = amounts.reduce<number | undefined>(
    (sum, value) =>
      sum === undefined || value === undefined || value.currency !== currency
        ? undefined
        : sum + value.cents,
    0,
  );
  if (total !== amount.cents) {
    warnings.push({
      code: "batch_not_split",
      message: `Entry ${lineId} has ${transactions.length} transactions whose amounts do not add up to the entry: kept as one line`,
      lineId,
    });
    return [entryText ? { ...base, freeText: entryText } : base];
  }
  return transactions.map((transaction, index) => {
    const line: StatementLine = {
      ...base,
      lineId: `${lineId}.${index + 1}`,
      amountCents: amounts[index]?.cents ?? 0,
    };
    applyTransactionDetails(line, transaction, warnings);
    return line;
  });
}

/**
 * A batched transaction's own amount: `TxDtls/Amt` (.001.03 onwards) or
 * `AmtDtls/TxAmt/Amt` (.001.02), with its own `CdtDbtInd` or the entry's. `undefined`
 * when missing or unreadable: the entry then stays one line (it is still a valid booking).
 */
function transactionAmount(transaction: XmlElement, entry: XmlElement) {
  const amountElement = child(transaction, "Amt") ?? child(transaction, "AmtDtls", "TxAmt", "Amt");
  if (!amountElement) return undefined;
  const indicator = text(transaction, "CdtDbtInd") ?? text(entry, "CdtDbtInd");
  try {
    return readCamtAmount(amountElement, indicator, "Transaction");
  } catch (error) {
    if (error instanceof BankStatementError) return undefined;
    throw error;
  }
}

/** `PMNT/RCDT/ESCT` from `Domn`, else the proprietary code. */
function readTransactionCode(code: XmlElement | undefined): string | undefined {
  const domain = text(code, "Domn", "Cd");
  if (domain) {
    return [domain, text(code, "Domn", "Fmly", "Cd"), text(code, "Domn", "Fmly", "SubFmlyCd")]
      .filter((part) => part !== undefined)
      .join("/");
  }
  return text(code, "Prtry", "Cd");
}
