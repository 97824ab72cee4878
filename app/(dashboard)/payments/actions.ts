"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOrg } from "@/app/_server/context";
import { createBankImport, ignoreUnmatchedBankLine } from "@/db/queries/bank";
import { applyBankMatch } from "@/lib/bank/apply-bank-match";
import { systemClock } from "@/lib/calendar/clock";
import { importBankStatementJob } from "@/lib/bank/jobs/import-statement.job";
import { queueReminder, type ReminderRefusal } from "@/lib/documents/queue-reminder";
import { brusselsToday } from "@/lib/calendar/brussels-date";
import { enqueue } from "@/lib/jobs/queue";
import { getQueue } from "@/app/_server/queue";
import { MAX_STATEMENT_BYTES } from "@/lib/security/body-limits";

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
 * Confirms a suggestion or matches a line by hand: the line is paid to the invoice in
 * one operation (lib/bank/apply-bank-match.ts), so a second click records nothing.
 */
export async function matchBankLine(input: unknown): Promise<{ ok: boolean }> {
  const parsed = matchSchema.safeParse(input);
  if (!parsed.success) return { ok: false };
  const { db, tenant } = await requireOrg();
  const result = await applyBankMatch(
    db,
    tenant,
    { ...parsed.data, by: "merchant", rule: "manual" },
    systemClock,
  );
  if (!result.ok) return { ok: false };
  revalidatePath("/payments");
  return { ok: true };
}

const reminderSchema = z.string().uuid();

type ReminderResult =
  { ok: true; to: string } | { ok: false; reason: ReminderRefusal | "daily_limit" };

/** One click: the overdue invoice's reminder email is queued (the worker sends it). */
export async function sendPaymentReminder(invoiceId: unknown): Promise<ReminderResult> {
  const parsed = reminderSchema.safeParse(invoiceId);
  if (!parsed.success) return { ok: false, reason: "not_found" };
  const { db, tenant } = await requireOrg();
  const result = await queueReminder(db, tenant, parsed.data, brusselsToday(), await getQueue());
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
