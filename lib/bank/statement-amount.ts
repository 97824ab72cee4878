import { MoneyError, parseDecimalScaled, toSafeInteger } from "@/lib/money";
import { BankStatementError } from "./bank-statement-error";

/**
 * A decimal amount from a bank file ("3044.450", "754.25") → integer cents, exactly.
 * Digits beyond the cent must be zeros: CODA writes three decimals and a non-zero third
 * one would have to be rounded, which would make the statement not add up silently.
 */
export function exactCents(decimal: string, line?: number): number {
  try {
    return toSafeInteger(parseDecimalScaled(decimal, 2, true), `"${decimal}"`);
  } catch (error) {
    if (error instanceof MoneyError) {
      throw new BankStatementError(
        "invalid_amount",
        `Amount "${decimal}" is not a whole number of cents`,
        line,
      );
    }
    throw error;
  }
}
