"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOrg } from "@/app/_server/context";
import {
  claimBankLine,
  createBankImport,
  ignoreUnmatchedBankLine,
  updateBankLine,
} from "@/db/queries/bank";
import { recordPayment } from "@/db/queries/payments";
import { getDocument } from "@/db/queries/documents";
import { importBankStatementJob } from "@/lib/bank/import-statement-job";
import { queueReminder, type ReminderRefusal } from "@/lib/documents/queue-reminder";
import { brusselsToday } from "@/lib/calendar/brussels-date";
import { enqueue } from "@/lib/jobs/queue";
import { getQueue } from "@/lib/jobs/runtime";

const MAX_STATEMENT_BYTES = 5 * 1024 * 1024;

type UploadResult = { ok: true } | { ok: false; error: "missing" | "tooLarge" };

/** Stores the uploaded file and queues its import (parsing and matching run in the worker). */
export async function uploadStatement(form: FormData): Promise<UploadResult> {
  const { db, tenant } = await requireOrg();
  const file = form.get("statement");
  if (!(file instanceof File) || file.size === 0) return { ok: false, error: "missing" };
  if (file.size > MAX_STATEMENT_BYTES) return { ok: false, error: "tooLarge" };
  const importId = await createBankImport(db, tenant, {
    filename: file.name.slice(0, 200),
    content: Buffer.from(await file.arrayBuffer()),
  });
  await enqueue(await getQueue(), importBankStatementJob, {
    organisationId: tenant.organisationId,
    importId,
  });
  revalidatePath("/payments");
  return { ok: true };
}

const matchSchema = z.object({ lineId: z.string().uuid(), invoiceId: z.string().uuid() });

/**
 * Confirms a suggestion or matches a line by hand: the line is claimed first, so
 * a second click records nothing; the payment is the whole line, and what exceeds
 * the invoice shows on it as an over-payment. A line in another currency is refused.
 */
export async function matchBankLine(input: unknown): Promise<{ ok: boolean }> {
  const parsed = matchSchema.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { db, tenant } = await requireOrg();
  const line = await claimBankLine(db, tenant, parsed.data.lineId, parsed.data.invoiceId);
  if (!line) return { ok: false };
  try {
    const invoice = (await getDocument(db, tenant, parsed.data.invoiceId))?.document;
    if (!invoice) throw new Error("invoice not found");
    // Money in another currency is not this invoice's payment.
    if (line.currency !== invoice.currency) throw new Error("currency differs");
    const open = invoice.totalCents - invoice.paidCents;
    if (open <= 0) throw new Error("nothing open");
    await recordPayment(db, tenant, invoice.id, {
      amountCents: line.amountCents,
      method: "bank_transfer",
      paidOn: line.bookingDate,
      sourceKey: `bank:${line.lineKey}`,
      reference: line.structuredCommunication ?? line.freeText?.slice(0, 140) ?? null,
    });
    await updateBankLine(db, tenant, line.id, {
      status: "matched",
      invoiceId: invoice.id,
      rule: "manual",
      overpaymentCents: Math.max(line.amountCents - open, 0),
      paidAt: new Date(),
    });
  } catch {
    await updateBankLine(db, tenant, line.id, {
      status: "unmatched",
      invoiceId: null,
      rule: null,
      paidAt: null,
    });
    return { ok: false };
  }
  revalidatePath("/payments");
  return { ok: true };
}

const reminderSchema = z.string().uuid();

type ReminderResult = { ok: true; to: string } | { ok: false; reason: ReminderRefusal };

/** One click: the overdue invoice's reminder email is queued (the worker sends it). */
export async function sendPaymentReminder(invoiceId: unknown): Promise<ReminderResult> {
  const parsed = reminderSchema.safeParse(invoiceId);
  if (!parsed.success) return { ok: false, reason: "not_found" };
  const { db, tenant } = await requireOrg();
  const result = await queueReminder(db, tenant, parsed.data, brusselsToday());
  if (result.ok) {
    revalidatePath("/payments");
    revalidatePath(`/documents/${parsed.data}`);
  }
  return result;
}

/** "Not an invoice payment" (a refund, an internal transfer): the line leaves the review list. */
export async function ignoreBankLine(lineId: unknown): Promise<{ ok: boolean }> {
  const parsed = z.string().uuid().safeParse(lineId);
  if (!parsed.success) return { ok: false };
  const { db, tenant } = await requireOrg();
  const ignored = await ignoreUnmatchedBankLine(db, tenant, parsed.data);
  revalidatePath("/payments");
  return { ok: ignored };
}
