"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireOrg } from "@/app/_server/context";
import { createCreditNoteFor, recordPayment } from "@/db/queries/credit-and-pay";
import { getDocument } from "@/db/queries/documents";
import { DocumentTransitionError } from "@/lib/documents/document-lifecycle";
import type { ActionResult } from "@/lib/forms/action-result";

const idSchema = z.string().uuid();

/** Mark as paid: records what is still due as a manual payment made today. */
export async function markInvoicePaid(id: string): Promise<ActionResult> {
  if (!idSchema.safeParse(id).success)
    return { ok: false, fieldErrors: {}, formError: "documents.errors.notFound" };
  const { db, tenant } = await requireOrg();
  const found = await getDocument(db, tenant, id);
  if (!found) return { ok: false, fieldErrors: {}, formError: "documents.errors.notFound" };
  const due = found.document.totalCents - found.document.paidCents;
  try {
    await recordPayment(db, tenant, id, {
      amountCents: due,
      method: "manual",
      paidOn: new Date().toISOString().slice(0, 10),
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

/** Credit: a credit note concept copying the invoice, opened for review. */
export async function creditInvoice(id: string): Promise<ActionResult> {
  if (!idSchema.safeParse(id).success)
    return { ok: false, fieldErrors: {}, formError: "documents.errors.notFound" };
  const { db, tenant } = await requireOrg();
  let creditId: string;
  try {
    creditId = await createCreditNoteFor(db, tenant, id);
  } catch (error) {
    if (error instanceof DocumentTransitionError)
      return { ok: false, fieldErrors: {}, formError: "documents.errors.notCreditable" };
    return { ok: false, fieldErrors: {}, formError: "documents.errors.notFound" };
  }
  redirect(`/documents/${creditId}`);
}
