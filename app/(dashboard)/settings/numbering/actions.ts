"use server";

import { revalidatePath } from "next/cache";
import { requireOrg } from "@/app/_server/context";
import { updatePaymentTerms } from "@/db/queries/organisations";
import { systemClock } from "@/lib/calendar/clock";
import { saveSeries } from "@/lib/documents/save-series";
import { paymentTermsSchema, seriesFormSchema } from "@/lib/documents/series-schema";
import { fieldErrorsOf, type ActionResult } from "@/lib/forms/action-result";

export async function saveSeriesAction(input: unknown): Promise<ActionResult> {
  const { db, tenant } = await requireOrg();
  const parsed = seriesFormSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const outcome = await saveSeries(db, tenant, parsed.data, systemClock);
  if (outcome === "clash") return { ok: false, fieldErrors: { pattern: "numbering.errors.clash" } };
  if (outcome === "already_issued") {
    return { ok: false, fieldErrors: { nextSequence: "numbering.errors.already_issued" } };
  }
  revalidatePath("/settings/numbering");
  return { ok: true };
}

export async function savePaymentTermsAction(days: string): Promise<ActionResult> {
  const { db, organisationId } = await requireOrg();
  const parsed = paymentTermsSchema.safeParse({ days });
  if (!parsed.success) return { ok: false, fieldErrors: { days: "numbering.errors.days" } };
  await updatePaymentTerms(db, organisationId, parsed.data.days);
  revalidatePath("/settings/numbering");
  return { ok: true };
}
