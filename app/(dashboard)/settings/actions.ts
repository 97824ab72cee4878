"use server";

import { revalidatePath } from "next/cache";
import { requireOrg } from "@/app/_server/context";
import { deleteLogo, saveLogo, updateCompanySettings } from "@/db/queries/organisations";
import { companySettingsSchema, type CompanySettingsInput } from "@/lib/company/company-schema";
import { normaliseLogo } from "@/lib/company/normalise-logo";
import { fieldErrorsOf, type ActionResult } from "@/lib/forms/action-result";

export async function saveCompanySettings(input: CompanySettingsInput): Promise<ActionResult> {
  const { db, organisationId } = await requireOrg();
  const parsed = companySettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  await updateCompanySettings(db, organisationId, parsed.data);
  revalidatePath("/", "layout");
  return { ok: true };
}

export async function uploadLogo(formData: FormData): Promise<ActionResult> {
  const { db, organisationId } = await requireOrg();
  const file = formData.get("logo");
  const bytes = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
  // Stored normalised: checked, at most 25 megapixels, scaled into 1200 × 1200 pixels.
  const logo = await normaliseLogo(bytes);
  if (!logo.ok) return { ok: false, fieldErrors: { logo: logo.problem } };
  await saveLogo(db, organisationId, { contentType: logo.contentType, data: logo.data });
  revalidatePath("/settings");
  return { ok: true };
}

export async function removeLogo(): Promise<ActionResult> {
  const { db, organisationId } = await requireOrg();
  await deleteLogo(db, organisationId);
  revalidatePath("/settings");
  return { ok: true };
}
