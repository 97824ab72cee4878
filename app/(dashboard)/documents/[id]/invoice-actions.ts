"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireOrg } from "@/app/_server/context";
import { createCreditNoteFor } from "@/db/queries/credit-and-pay";
import { PaymentNotFoundError, recordPayment, undoPayment } from "@/db/queries/payments";
import { DocumentNotFoundError, getDocument } from "@/db/queries/documents";
import { DocumentTransitionError } from "@/lib/documents/document-lifecycle";
import { fieldErrorsOf, type ActionResult } from "@/lib/forms/action-result";
import { parseDecimalToCents } from "@/lib/money";
import { brusselsToday } from "@/lib/calendar/brussels-date";

const idSchema = z.string().uuid();
const notFound: ActionResult = {
  ok: false,
  fieldErrors: {},
  formError: "documents.errors.notFound",
};

/** What the merchant can pick by hand; providers (Mollie, Bancontact) record their own. */
const manualPaymentMethods = ["bank_transfer", "cash", "card", "manual"] as const;

const paymentSchema = z.object({
  amount: z
    .string()
    .trim()
    .regex(/^\d{1,10}([.,]\d{1,2})?$/, "documents.errors.paymentAmount")
    .transform((v) => parseDecimalToCents(v.replace(",", "."))),
  paidOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date"),
  method: z.enum(manualPaymentMethods).catch("manual"),
});

/** Mark as paid: a payment of the given amount (all that is due, or part of it). */
export async function markInvoicePaid(
  id: string,
  input: { amount: string; paidOn: string; method: string },
): Promise<ActionResult> {
  if (!idSchema.safeParse(id).success) return notFound;
  const { db, tenant } = await requireOrg();
  const found = await getDocument(db, tenant, id);
  if (!found) return notFound;
  const parsed = paymentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const due = found.document.totalCents - found.document.paidCents;
  if (parsed.data.paidOn > brusselsToday()) {
    return { ok: false, fieldErrors: { paidOn: "documents.errors.paymentInFuture" } };
  }
  if (parsed.data.amount <= 0 || parsed.data.amount > due) {
    return { ok: false, fieldErrors: { amount: "documents.errors.paymentAmount" } };
  }
  try {
    await recordPayment(db, tenant, id, {
      amountCents: parsed.data.amount,
      method: parsed.data.method,
      paidOn: parsed.data.paidOn,
    });
  } catch (error) {
    if (error instanceof DocumentTransitionError || error instanceof RangeError) {
      return { ok: false, fieldErrors: {}, formError: "documents.errors.notPayable" };
    }
    throw error;
  }
  revalidatePath(`/documents/${id}`);
  return { ok: true };
}

/** Undo: a payment recorded by mistake (or a bounced transfer) is taken back, visibly. */
export async function undoInvoicePayment(id: string, paymentId: string): Promise<ActionResult> {
  if (!idSchema.safeParse(id).success || !idSchema.safeParse(paymentId).success) return notFound;
  const { db, tenant } = await requireOrg();
  try {
    await undoPayment(db, tenant, id, paymentId);
  } catch (error) {
    if (error instanceof PaymentNotFoundError) {
      return { ok: false, fieldErrors: {}, formError: "documents.errors.paymentNotFound" };
    }
    // Another organisation's (or no) document: the same answer as an unknown id, not a 500.
    if (error instanceof DocumentTransitionError || error instanceof DocumentNotFoundError)
      return notFound;
    throw error;
  }
  revalidatePath(`/documents/${id}`);
  return { ok: true };
}

/** Credit: a credit note concept copying the invoice, opened for review. */
export async function creditInvoice(id: string): Promise<ActionResult> {
  if (!idSchema.safeParse(id).success) return notFound;
  const { db, tenant } = await requireOrg();
  let creditId: string;
  try {
    creditId = await createCreditNoteFor(db, tenant, id);
  } catch (error) {
    if (error instanceof DocumentTransitionError) {
      return { ok: false, fieldErrors: {}, formError: "documents.errors.notCreditable" };
    }
    return notFound;
  }
  redirect(`/documents/${creditId}`);
}
