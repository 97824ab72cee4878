import { composeIBAN, electronicFormatIBAN, isValidBBAN, isValidIBAN } from "ibantools";

export interface AccountNumber {
  /** Electronic-form IBAN when the account is (or converts to) a valid one. */
  iban?: string;
  /** As written in the file, trimmed. */
  raw: string;
}

/**
 * Reads an account number from a bank file. Belgian files still carry old 12-digit
 * account numbers (BBAN `310180203454`); those convert to their IBAN when their own
 * mod-97 check holds. Anything else that is not a valid IBAN stays raw only: matching on
 * an invented IBAN would be worse than matching on none.
 */
export function readAccountNumber(text: string): AccountNumber | undefined {
  const raw = text.trim();
  if (raw === "") return undefined;
  const compact = raw.replace(/[\s-]/g, "");
  if (/^\d{12}$/.test(compact) && isValidBBAN(compact, "BE")) {
    const iban = composeIBAN({ countryCode: "BE", bban: compact });
    if (iban && isValidIBAN(iban)) return { iban, raw };
  }
  const electronic = electronicFormatIBAN(compact);
  if (electronic && isValidIBAN(electronic)) return { iban: electronic, raw };
  return { raw };
}

/**
 * The statement's own account as an IBAN, composing it from a Belgian BBAN when needed
 * even if the BBAN check fails (the caller warns): the statement must name its account.
 */
export function ownAccountIban(
  text: string,
  belgianBban: boolean,
): { iban: string; valid: boolean } {
  const compact = text.replace(/[\s-]/g, "").toUpperCase();
  const iban = belgianBban
    ? (composeIBAN({ countryCode: "BE", bban: compact }) ?? compact)
    : compact;
  return { iban, valid: isValidIBAN(iban) };
}
