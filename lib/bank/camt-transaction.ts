import { readAccountNumber } from "./account-number";
import { child, children, text, texts, type XmlElement } from "./camt-xml";
import { readCreditorReference } from "./read-creditor-reference";
import type { StatementLine, StatementWarning } from "./statement-types";

/**
 * Copies what a `TxDtls` says about the payment onto a line: the counterparty (the debtor
 * for money in, the creditor for money out), the references and the communication.
 * Newer camt versions wrap parties in `Pty` (`Dbtr/Pty/Nm` from .001.08); both are read.
 */
export function applyTransactionDetails(
  line: StatementLine,
  transaction: XmlElement,
  warnings: StatementWarning[],
): void {
  const parties = child(transaction, "RltdPties");
  const credit = line.amountCents > 0;
  const party =
    child(parties, credit ? "Dbtr" : "Cdtr") ?? child(parties, credit ? "UltmtDbtr" : "UltmtCdtr");
  const name = text(party, "Nm") ?? text(party, "Pty", "Nm");
  if (name) line.counterpartyName = name;

  const accountId = child(parties, credit ? "DbtrAcct" : "CdtrAcct", "Id");
  const account = readAccountNumber(text(accountId, "IBAN") ?? text(accountId, "Othr", "Id") ?? "");
  if (account) {
    line.counterpartyAccount = account.raw;
    if (account.iban) line.counterpartyIban = account.iban;
  }

  const refs = child(transaction, "Refs");
  const endToEndId = text(refs, "EndToEndId");
  // "NOTPROVIDED" is the SEPA placeholder for "the payer gave none".
  if (endToEndId && endToEndId !== "NOTPROVIDED") line.endToEndId = endToEndId;
  const bankReference = text(refs, "AcctSvcrRef");
  if (bankReference) line.bankReference = bankReference;

  const remittance = child(transaction, "RmtInf");
  applyCreditorReference(line, remittance, warnings);
  const freeText = texts(remittance, "Ustrd").join(" ") || text(transaction, "AddtlTxInf");
  if (freeText) line.freeText = freeText.replace(/\s+/g, " ").trim();
}

/**
 * `RmtInf/Strd/CdtrRefInf/Ref`; a Belgian bank tags an OGM with `Tp/Issr` = `BBA`
 * (and `Tp/CdOrPrtry/Cd` = `SCOR`), an RF reference with `ISO`. The first reference
 * that is a valid OGM wins; otherwise the first one is kept raw.
 */
function applyCreditorReference(
  line: StatementLine,
  remittance: XmlElement | undefined,
  warnings: StatementWarning[],
): void {
  const references = children(remittance, "Strd").flatMap((structured) =>
    children(structured, "CdtrRefInf"),
  );
  const read = references.flatMap((info) => {
    const ref = text(info, "Ref");
    if (!ref) return [];
    const issuer = text(info, "Tp", "Issr")?.toUpperCase();
    return [readCreditorReference(ref, issuer === "BBA")];
  });
  const chosen = read.find((reference) => reference.structuredCommunication) ?? read[0];
  if (!chosen) return;
  line.creditorReference = chosen.creditorReference;
  if (chosen.structuredCommunication) {
    line.structuredCommunication = chosen.structuredCommunication;
  } else if (chosen.invalidOgm) {
    warnings.push({
      code: "invalid_structured_communication",
      message: `Structured communication ${chosen.creditorReference} has wrong check digits; it is ignored for matching`,
      lineId: line.lineId,
    });
  }
}
