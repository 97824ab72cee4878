"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireOrg } from "@/app/_server/context";
import { deleteConcept, DocumentNotFoundError } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { systemClock } from "@/lib/calendar/clock";
import { cancelConcept } from "@/lib/documents/cancel-concept";
import { updateConcept } from "@/lib/documents/update-concept";
import { conceptSchema, type ConceptInput } from "@/lib/documents/concept-schema";
import { DocumentTransitionError } from "@/lib/documents/document-lifecycle";
import {
  CreditExceedsInvoiceError,
  DeliveryDateRequiredError,
} from "@/lib/documents/finalise-document";
import { queueDocumentSends, SendBlockedError } from "@/lib/documents/queue-document-send";
import { DAILY_SEND_LIMIT_NEW_ORGANISATION } from "@/lib/security/limits";
import { fieldErrorsOf, type ActionResult } from "@/lib/forms/action-result";
import { getRequestLogger } from "@/app/_server/request-logger";
import { getQueue } from "@/app/_server/queue";
import { customerBelongsTo } from "./customer-options";

type Failure = Extract<ActionResult, { ok: false }>;
export interface SendOutcome {
  queued: number;
  missingEmail: number;
  notConcept: number;
  /** Not sent: the organisation's daily sending limit (lib/documents/sending-quota.ts). */
  overDailyLimit: number;
  dailyLimit: number;
  /** The limit is the stricter one of a new organisation. */
  newOrganisation: boolean;
}

const idSchema = z.string().uuid();
const idsSchema = z.array(idSchema).min(1).max(100);

const formError = (key: string): Failure => ({ ok: false, fieldErrors: {}, formError: key });

/** Known failures become a sentence for the merchant; anything else is logged, never shown. */
async function failure(error: unknown, action: string): Promise<Failure> {
  if (error instanceof DocumentTransitionError) return formError("documents.errors.notConcept");
  if (error instanceof DocumentNotFoundError) return formError("documents.errors.notFound");
  if (error instanceof SendBlockedError) return formError(`documents.errors.${error.code}`);
  if (error instanceof CreditExceedsInvoiceError)
    return formError("documents.errors.creditExceedsInvoice");
  if (error instanceof DeliveryDateRequiredError)
    return formError("documents.errors.delivery_date_required");
  (await getRequestLogger()).error({ err: error, action }, "document action failed");
  return formError("common.error");
}

/** Creates (id null) or replaces a concept, then opens it. */
export async function saveConcept(input: ConceptInput, id: string | null): Promise<ActionResult> {
  const { db, tenant } = await requireOrg();
  if (id !== null && !idSchema.safeParse(id).success) return formError("documents.errors.notFound");
  const parsed = conceptSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      fieldErrors: fieldErrorsOf(parsed.error),
      formError: "documents.form.fixErrors",
    };
  }
  const { customerId } = parsed.data;
  if (customerId && !(await customerBelongsTo(db, tenant, customerId))) {
    return { ok: false, fieldErrors: { customerId: "documents.errors.customerNotFound" } };
  }
  let documentId: string;
  try {
    if (id) await updateConcept(db, tenant, { documentId: id, concept: parsed.data }, systemClock);
    documentId = id ?? (await createConcept(db, tenant, parsed.data));
  } catch (error) {
    return failure(error, "saveConcept");
  }
  revalidatePath("/documents", "layout");
  redirect(`/documents/${documentId}`);
}

/** Numbers and emails concepts; the counts say what happened to each. */
export async function sendDocuments(ids: string[]): Promise<ActionResult<SendOutcome>> {
  const { db, tenant } = await requireOrg();
  const parsed = idsSchema.safeParse([...new Set(ids)]);
  if (!parsed.success) return formError("documents.bulk.noneSelected");
  try {
    const result = await queueDocumentSends(db, tenant, parsed.data, await getQueue(), systemClock);
    revalidatePath("/documents", "layout");
    return {
      ok: true,
      data: {
        queued: result.queued.length,
        missingEmail: result.missingEmail.length,
        notConcept: result.notConcept.length,
        overDailyLimit: result.overDailyLimit.length,
        dailyLimit: result.dailyLimit ?? 0,
        newOrganisation: result.dailyLimit === DAILY_SEND_LIMIT_NEW_ORGANISATION,
      },
    };
  } catch (error) {
    return failure(error, "sendDocuments");
  }
}

/** The list's "Send selected": the ticked checkboxes arrive as `ids`. */
export async function sendSelectedDocuments(
  formData: FormData,
): Promise<ActionResult<SendOutcome>> {
  const ids = formData.getAll("ids").filter((v): v is string => typeof v === "string");
  return sendDocuments(ids);
}

export async function deleteDocument(id: string): Promise<ActionResult> {
  const { db, tenant } = await requireOrg();
  if (!idSchema.safeParse(id).success) return formError("documents.errors.notFound");
  try {
    // Only concepts are deleted; false means it was sent, cancelled or is gone.
    if (!(await deleteConcept(db, tenant, id))) return formError("documents.errors.notConcept");
  } catch (error) {
    return failure(error, "deleteDocument");
  }
  revalidatePath("/documents", "layout");
  return { ok: true };
}

export async function cancelDocument(id: string): Promise<ActionResult> {
  const { db, tenant } = await requireOrg();
  if (!idSchema.safeParse(id).success) return formError("documents.errors.notFound");
  try {
    await cancelConcept(db, tenant, { documentId: id }, systemClock);
  } catch (error) {
    return failure(error, "cancelDocument");
  }
  revalidatePath("/documents", "layout");
  return { ok: true };
}
