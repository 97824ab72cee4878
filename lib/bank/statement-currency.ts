import { assertCurrency, MoneyError } from "@/lib/money";
import { BankStatementError } from "./bank-statement-error";

/**
 * The currency of a statement or amount, checked once: amounts become cents, which only
 * means hundredths for currencies with two minor digits (not JPY, not KWD).
 */
export function checkStatementCurrency(code: string, line?: number): string {
  const trimmed = code.trim().toUpperCase();
  try {
    return assertCurrency(trimmed);
  } catch (error) {
    if (error instanceof MoneyError) {
      throw new BankStatementError(
        "unsupported_currency",
        `Currency ${JSON.stringify(code)} is not a currency with two minor digits`,
        line,
      );
    }
    throw error;
  }
}
