"use server";

import { revalidatePath } from "next/cache";
import { requireOrg } from "@/app/_server/context";
import { resetDocumentText, saveDocumentText } from "@/db/queries/document-texts";
import { fieldErrorsOf, type ActionResult } from "@/lib/forms/action-result";
import { documentTextSchema, textKeySchema } from "./schema";

export async function saveDocumentTextAction(input: unknown): Promise<ActionResult> {
  const { db, tenant } = await requireOrg();
  const parsed = documentTextSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
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
