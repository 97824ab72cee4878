import {
  finishBankImport,
  bankLinesOfImport,
  getBankImport,
  insertNewBankLines,
  openInvoicesForMatching,
  updateBankLine,
} from "@/db/queries/bank";
import { tenant, type Tenant } from "@/db/tenant";
import type { JobContext } from "@/lib/jobs/job-handler";
import type { BankStatement } from "@/lib/bank/statement-types";
import { applyBankMatch } from "@/lib/bank/apply-bank-match";
import { BankStatementError } from "@/lib/bank/bank-statement-error";
import { matchStatementLines } from "@/lib/bank/match-payments";
import { parseStatement } from "@/lib/bank/parse-statement";
import { systemClock } from "@/lib/calendar/clock";
import { defineJobHandler } from "@/lib/jobs/job-handler";
import { importBankStatementJob } from "./import-statement.job";

/** The work of `importBankStatementJob` (see its definition, ./import-statement.job.ts). */
export const importBankStatementHandler = defineJobHandler(
  importBankStatementJob,
  async ({ organisationId, importId }, ctx) => {
    const t = tenant(organisationId);
    const upload = await getBankImport(ctx.db, t, importId);
    if (upload?.status !== "received") return;
    let statements;
    try {
      statements = parseStatement(new Uint8Array(upload.content));
    } catch (error) {
      // Any parse failure ends the import, with its reason: a file that fails to parse
      // fails the same way on every retry (a parser out of stack on 150,000 nested
      // tags included), and must never stay "Being imported…".
      const code = error instanceof BankStatementError ? error.code : "unreadable";
      if (!(error instanceof BankStatementError)) {
        ctx.log.warn({ err: error, importId }, "Bank statement could not be parsed");
      }
      await finishBankImport(ctx.db, t, importId, { status: "failed", error: code });
      return;
    }
    try {
      await storeAndMatch(ctx, t, importId, statements);
    } catch (error) {
      // Storing or matching failed (the database, a bug): retried, and on the last
      // attempt the import says it failed instead of waiting forever.
      if (ctx.isLastAttempt) {
        await finishBankImport(ctx.db, t, importId, { status: "failed", error: "import_failed" });
      }
      throw error;
    }
  },
);

/** Stores each line once and matches the new credit lines; then the import is done. */
async function storeAndMatch(
  ctx: JobContext,
  t: Tenant,
  importId: string,
  statements: BankStatement[],
): Promise<void> {
  const lines = statements.flatMap((statement) =>
    statement.lines.map((line) => ({
      lineKey: `${statement.accountIban}:${statement.statementId}:${line.lineId}`,
      line,
    })),
  );
  await insertNewBankLines(
    ctx.db,
    t,
    importId,
    lines.map(({ lineKey, line }) => ({
      lineKey,
      bookingDate: line.bookingDate,
      amountCents: line.amountCents,
      currency: line.currency,
      counterpartyName: line.counterpartyName ?? null,
      counterpartyIban: line.counterpartyIban ?? null,
      structuredCommunication: line.structuredCommunication ?? null,
      freeText: line.freeText ?? null,
      status: line.amountCents > 0 && !line.reversal ? "unmatched" : "ignored",
    })),
  );
  const stored = await bankLinesOfImport(ctx.db, t, importId);
  const fresh = new Map(
    stored.filter((row) => row.status === "unmatched").map((row) => [row.lineKey, row]),
  );
  const toMatch = lines
    .filter(({ lineKey }) => fresh.has(lineKey))
    .map(({ lineKey, line }) => ({ ...line, lineId: lineKey }));
  const quoted = toMatch.flatMap((line) =>
    line.structuredCommunication ? [line.structuredCommunication] : [],
  );
  const matches = matchStatementLines(toMatch, await openInvoicesForMatching(ctx.db, t, quoted));
  const counts = { matched: 0, suggested: 0, unmatched: 0 };
  for (const match of matches) {
    const row = fresh.get(match.lineId);
    if (!row || match.kind === "ignored_debit") continue;
    if (match.kind === "matched" && match.invoiceId) {
      // The whole line is recorded: what exceeds the invoice shows on it as an
      // over-payment to refund, instead of vanishing into a column nobody reads.
      const applied = await applyBankMatch(
        ctx.db,
        t,
        {
          lineId: row.id,
          invoiceId: match.invoiceId,
          by: "import",
          rule: match.rule ?? "",
          overpaymentCents: match.overpaymentCents ?? 0,
        },
        systemClock,
      );
      if (applied.ok) counts.matched++;
      else counts.unmatched++;
    } else if (match.kind === "suggested" && match.invoiceId) {
      await updateBankLine(ctx.db, t, row.id, {
        status: "suggested",
        invoiceId: match.invoiceId,
        rule: match.rule ?? null,
      });
      counts.suggested++;
    } else {
      counts.unmatched++;
    }
  }
  await finishBankImport(ctx.db, t, importId, {
    status: "done",
    format: statements[0]?.format ?? null,
    lines: lines.length,
    newLines: stored.length,
    ...counts,
  });
}
