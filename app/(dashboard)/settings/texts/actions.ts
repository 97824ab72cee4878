"use server";

import { revalidatePath } from "next/cache";
import { requireOrg } from "@/app/_server/context";
import { resetDocumentText, saveDocumentText } from "@/db/queries/document-texts";
import { fieldErrorsOf, type ActionResult } from "@/lib/forms/action-result";
import { documentTextSchema, textKeySchema } from "./schema";
import { getConfig } from "@/lib/config/env";
import { allowedLinkDomains } from "@/lib/documents/allowed-link-domains";
import { foreignLinks } from "@/lib/documents/text-links";

export async function saveDocumentTextAction(input: unknown): Promise<ActionResult> {
  const { db, tenant } = await requireOrg();
  const parsed = documentTextSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  // Links only to the merchant's own domains and Facturo's pages (lib/documents/text-links.ts).
  const allowed = await allowedLinkDomains(db, tenant, getConfig().APP_URL);
  const fieldErrors: Record<string, string> = {};
  for (const field of ["legend", "emailSubject", "emailBody"] as const) {
    if (foreignLinks(parsed.data[field], allowed).length > 0)
      fieldErrors[field] = "texts.errors.foreignLink";
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  await saveDocumentText(db, tenant, parsed.data);
  revalidatePath("/settings/texts");
  return { ok: true };
}

export async function resetDocumentTextAction(input: unknown): Promise<ActionResult> {
  const { db, tenant } = await requireOrg();
  const parsed = textKeySchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: {}, formError: "texts.errors.reset" };
  await resetDocumentText(db, tenant, parsed.data);
  revalidatePath("/settings/texts");
  return { ok: true };
}
