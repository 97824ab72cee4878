import { BankStatementError } from "./bank-statement-error";
import { isoCalendarDate } from "./calendar-date";
import { attribute, child, text, type XmlElement } from "./camt-xml";
import { exactCents } from "./statement-amount";
import { checkStatementCurrency } from "./statement-currency";

export interface CamtAmount {
  /** Signed: CRDT positive, DBIT negative. */
  cents: number;
  currency: string;
}

/**
 * `<Amt Ccy="EUR">754.25</Amt>` with the `CdtDbtInd` next to it (`CRDT`/`DBIT`). The
 * amount itself is always positive in camt; the indicator gives the sign.
 * `defaultIndicator` is the entry's, for transaction details that leave it out.
 */
export function readCamtAmount(
  amountElement: XmlElement | undefined,
  indicator: string | undefined,
  what: string,
): CamtAmount {
  const value = text(amountElement);
  const currency = attribute(amountElement, "Ccy");
  if (value === undefined || currency === undefined) {
    throw new BankStatementError("invalid_xml", `${what}: amount or its Ccy attribute is missing`);
  }
  if (indicator !== "CRDT" && indicator !== "DBIT") {
    throw new BankStatementError(
      "invalid_xml",
      `${what}: CdtDbtInd should be CRDT or DBIT, found ${JSON.stringify(indicator ?? "")}`,
    );
  }
  const cents = exactCents(value);
  if (cents < 0)
    throw new BankStatementError("invalid_amount", `${what}: negative amount ${value}`);
  return {
    cents: indicator === "DBIT" ? -cents : cents,
    currency: checkStatementCurrency(currency),
  };
}

/** `<X><Dt>2014-01-05</Dt></X>` or `<X><DtTm>2017-03-23T14:47:00</DtTm></X>`. */
export function readCamtDate(element: XmlElement | undefined): string | undefined {
  const value = text(element, "Dt") ?? text(element, "DtTm");
  return value === undefined ? undefined : isoCalendarDate(value);
}

/** Entry status: `<Sts>BOOK</Sts>` up to .001.10, `<Sts><Cd>BOOK</Cd></Sts>` from .001.11. */
export function readEntryStatus(entry: XmlElement): string | undefined {
  return text(entry, "Sts") ?? text(child(entry, "Sts"), "Cd");
}
