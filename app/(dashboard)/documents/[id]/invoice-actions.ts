"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireOrg } from "@/app/_server/context";
import { DocumentNotFoundError } from "@/db/queries/documents";
import { systemClock } from "@/lib/calendar/clock";
import { createCreditNote } from "@/lib/documents/create-credit-note";
import { DocumentTransitionError } from "@/lib/documents/document-lifecycle";
import { fieldErrorsOf, type ActionResult } from "@/lib/forms/action-result";
import { parseDecimalToCents } from "@/lib/money";
import { PaymentNotFoundError, PaymentRefusedError } from "@/lib/payments/payment-errors";
import { recordPayment } from "@/lib/payments/record-payment";
import { undoPayment } from "@/lib/payments/undo-payment";

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

/** Where each refusal of the payment operation shows on the form. */
const paymentRefusalField: Record<PaymentRefusedError["code"], "amount" | "paidOn"> = {
  not_positive: "amount",
  exceeds_due: "amount",
  in_future: "paidOn",
};
const paymentRefusalMessage: Record<PaymentRefusedError["code"], string> = {
  not_positive: "documents.errors.paymentAmount",
  exceeds_due: "documents.errors.paymentAmount",
  in_future: "documents.errors.paymentInFuture",
};

/**
 * Mark as paid: a payment of the given amount (all that is due, or part of it). The
 * amount is checked against what is due by the operation, under the invoice's lock.
 */
export async function markInvoicePaid(
  id: string,
  input: { amount: string; paidOn: string; method: string },
): Promise<ActionResult> {
  if (!idSchema.safeParse(id).success) return notFound;
  const { db, tenant } = await requireOrg();
  const parsed = paymentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await recordPayment(
      db,
      tenant,
      {
        invoiceId: id,
        amountCents: parsed.data.amount,
        method: parsed.data.method,
        paidOn: parsed.data.paidOn,
      },
      systemClock,
    );
  } catch (error) {
    if (error instanceof PaymentRefusedError) {
      const field = paymentRefusalField[error.code];
      return { ok: false, fieldErrors: { [field]: paymentRefusalMessage[error.code] } };
    }
    if (error instanceof DocumentNotFoundError) return notFound;
    if (error instanceof DocumentTransitionError) {
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
    await undoPayment(db, tenant, { invoiceId: id, paymentId }, systemClock);
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
    creditId = await createCreditNote(db, tenant, { invoiceId: id }, systemClock);
  } catch (error) {
    if (error instanceof DocumentTransitionError) {
      return { ok: false, fieldErrors: {}, formError: "documents.errors.notCreditable" };
    }
    return notFound;
  }
  redirect(`/documents/${creditId}`);
}
