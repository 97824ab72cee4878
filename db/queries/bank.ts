import { and, desc, eq, getTableColumns, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { bankImports, bankStatementLines, documents, type BankLineStatus } from "../schema";
import type { Tenant } from "../tenant";
import type { Tx } from "./documents";

export type BankImport = typeof bankImports.$inferSelect;
export type BankLine = typeof bankStatementLines.$inferSelect;
type NewBankLine = Omit<typeof bankStatementLines.$inferInsert, "organisationId" | "importId">;

export async function createBankImport(
  db: Db,
  t: Tenant,
  file: { filename: string; content: Buffer },
): Promise<string> {
  const [row] = await db
    .insert(bankImports)
    .values(t.owned(file))
    .returning({ id: bankImports.id });
  if (!row) throw new Error("Bank import not stored");
  return row.id;
}

export async function getBankImport(db: Db, t: Tenant, id: string): Promise<BankImport | null> {
  const [row] = await db
    .select()
    .from(bankImports)
    .where(t.where(bankImports, eq(bankImports.id, id)));
  return row ?? null;
}

export async function listBankImports(db: Db, t: Tenant, limit = 10) {
  const { content: _content, ...columns } = getTableColumns(bankImports);
  return db
    .select(columns)
    .from(bankImports)
    .where(t.where(bankImports))
    .orderBy(desc(bankImports.createdAt))
    .limit(limit);
}

export async function finishBankImport(
  db: Db,
  t: Tenant,
  id: string,
  result: Partial<
    Pick<
      BankImport,
      "format" | "error" | "lines" | "newLines" | "matched" | "suggested" | "unmatched"
    >
  > & {
    status: "done" | "failed";
  },
): Promise<void> {
  await db
    .update(bankImports)
    .set({ ...result, finishedAt: new Date() })
    .where(t.where(bankImports, eq(bankImports.id, id)));
}

/** Stores the lines not seen before (by key) and returns only those: re-imports change nothing. */
export async function insertNewBankLines(
  db: Db,
  t: Tenant,
  importId: string,
  lines: NewBankLine[],
): Promise<BankLine[]> {
  if (lines.length === 0) return [];
  return db
    .insert(bankStatementLines)
    .values(lines.map((line) => t.owned({ ...line, importId })))
    .onConflictDoNothing({
      target: [bankStatementLines.organisationId, bankStatementLines.lineKey],
    })
    .returning();
}

/**
 * The lines this import stored (first import of each line) that still wait for a
 * match. A retried import job finds the lines its crashed attempt stored, so none
 * is left unmatched; matching them again is safe (payments are keyed by line).
 */
export async function bankLinesOfImport(db: Db, t: Tenant, importId: string): Promise<BankLine[]> {
  return db
    .select()
    .from(bankStatementLines)
    .where(t.where(bankStatementLines, eq(bankStatementLines.importId, importId)));
}

export async function updateBankLine(
  db: Db,
  t: Tenant,
  id: string,
  update: {
    status: BankLineStatus;
    invoiceId?: string | null;
    rule?: string | null;
    overpaymentCents?: number;
    paidAt?: Date | null;
  },
): Promise<void> {
  await db
    .update(bankStatementLines)
    .set(update)
    .where(t.where(bankStatementLines, eq(bankStatementLines.id, id)));
}

/**
 * Locks a line that waits for a match (suggested or unmatched) for the rest of the
 * transaction; null when it is matched, ignored, or not this organisation's: a second
 * click or a replayed import finds nothing to claim.
 */
export async function lockBankLineToMatch(tx: Tx, t: Tenant, id: string): Promise<BankLine | null> {
  const [row] = await tx
    .select()
    .from(bankStatementLines)
    .where(
      t.where(
        bankStatementLines,
        eq(bankStatementLines.id, id),
        inArray(bankStatementLines.status, ["suggested", "unmatched"]),
      ),
    )
    .for("update");
  return row ?? null;
}

/** A bank line whose payment was undone goes back to the Payments page, to match again. */
export async function releaseBankLine(db: Db, t: Tenant, lineKey: string): Promise<void> {
  await db
    .update(bankStatementLines)
    .set({ status: "unmatched", invoiceId: null, rule: null, overpaymentCents: 0, paidAt: null })
    .where(t.where(bankStatementLines, eq(bankStatementLines.lineKey, lineKey)));
}

/**
 * Invoices a statement line may pay: the open ones, and the paid ones whose
 * structured communication a line quotes (`paidCommunications`): money sent for a
 * paid invoice is recorded on it as an over-payment to refund, not left unclaimed.
 */
export async function openInvoicesForMatching(
  db: Db,
  t: Tenant,
  paidCommunications: readonly string[] = [],
) {
  const rows = await db
    .select({
      id: documents.id,
      number: documents.number,
      structuredCommunication: documents.structuredCommunication,
      totalCents: documents.totalCents,
      paidCents: documents.paidCents,
      customer: documents.customer,
      currency: documents.currency,
    })
    .from(documents)
    .where(
      t.where(
        documents,
        eq(documents.type, "invoice"),
        paidCommunications.length > 0
          ? or(
              inArray(documents.status, ["sent", "partially_paid"]),
              and(
                eq(documents.status, "paid"),
                inArray(documents.structuredCommunication, [...paidCommunications]),
              ),
            )
          : inArray(documents.status, ["sent", "partially_paid"]),
      ),
    );
  return rows.flatMap((r) =>
    r.number
      ? [
          {
            id: r.id,
            number: r.number,
            structuredCommunication: r.structuredCommunication,
            totalCents: r.totalCents,
            paidCents: r.paidCents,
            customerName: r.customer?.company ?? r.customer?.name ?? "",
            currency: r.currency,
          },
        ]
      : [],
  );
}

/** Lines the merchant must look at: suggestions to confirm and money nobody claimed. */
export async function listBankLinesToReview(db: Db, t: Tenant, limit = 100) {
  return db
    .select({
      line: bankStatementLines,
      invoiceNumber: documents.number,
    })
    .from(bankStatementLines)
    .leftJoin(
      documents,
      and(
        eq(documents.id, bankStatementLines.invoiceId),
        eq(documents.organisationId, bankStatementLines.organisationId),
      ),
    )
    .where(
      t.where(
        bankStatementLines,
        inArray(bankStatementLines.status, ["suggested", "unmatched"]),
        sql`${bankStatementLines.amountCents} > 0`,
      ),
    )
    .orderBy(desc(bankStatementLines.bookingDate))
    .limit(limit);
}

/** Takes a line no invoice claims (or a suggestion) off the review list; a matched line stays. */
export async function ignoreUnmatchedBankLine(db: Db, t: Tenant, id: string): Promise<boolean> {
  const rows = await db
    .update(bankStatementLines)
    .set({ status: "ignored", invoiceId: null, rule: null })
    .where(
      t.where(
        bankStatementLines,
        eq(bankStatementLines.id, id),
        inArray(bankStatementLines.status, ["unmatched", "suggested"]),
      ),
    )
    .returning({ id: bankStatementLines.id });
  return rows.length > 0;
}
