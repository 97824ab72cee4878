import type { StatementLine, StatementWarning } from "./statement-types";

export interface StatementTotals {
  /** Σ of the credit lines, positive. */
  creditsCents: number;
  /** Σ of the debit lines, as a positive number. */
  debitsCents: number;
}

export function sumStatementLines(lines: readonly StatementLine[]): StatementTotals {
  let creditsCents = 0;
  let debitsCents = 0;
  for (const line of lines) {
    if (line.amountCents > 0) creditsCents += line.amountCents;
    else debitsCents -= line.amountCents;
  }
  return { creditsCents, debitsCents };
}

/**
 * Opening + Σ lines = closing, when the file gives both balances. A mismatch is a warning,
 * not an error: several real files do not add up (anonymised samples, details that a
 * bank books differently), and refusing them would leave the merchant with nothing.
 */
export function balanceWarnings(
  lines: readonly StatementLine[],
  openingBalanceCents: number | undefined,
  closingBalanceCents: number | undefined,
): StatementWarning[] {
  if (openingBalanceCents === undefined || closingBalanceCents === undefined) return [];
  const { creditsCents, debitsCents } = sumStatementLines(lines);
  const computed = openingBalanceCents + creditsCents - debitsCents;
  if (computed === closingBalanceCents) return [];
  return [
    {
      code: "balance_mismatch",
      message: `Opening balance ${openingBalanceCents} + movements ${creditsCents - debitsCents} = ${computed} cents, but the closing balance is ${closingBalanceCents}`,
    },
  ];
}
