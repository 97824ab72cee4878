"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOrg } from "@/app/_server/context";
import { createApiKey, revokeApiKey } from "@/db/queries/api-keys";
import { fieldErrorsOf, type ActionResult } from "@/lib/forms/action-result";

const nameSchema = z.string().trim().min(1, "validation.required").max(100, "validation.tooLong");

export async function createApiKeyAction(name: string): Promise<ActionResult<{ token: string }>> {
  const { db, tenant } = await requireOrg();
  const parsed = nameSchema.safeParse(name);
  if (!parsed.success)
    return {
      ok: false,
      fieldErrors: { name: fieldErrorsOf(parsed.error).form ?? "validation.required" },
    };
  const key = await createApiKey(db, tenant, parsed.data);
  revalidatePath("/settings/api-keys");
  return { ok: true, data: { token: key.token } };
}

export async function revokeApiKeyAction(id: string): Promise<ActionResult> {
  const { db, tenant } = await requireOrg();
  if (!z.string().uuid().safeParse(id).success) return { ok: false, fieldErrors: {} };
  const revoked = await revokeApiKey(db, tenant, id);
  revalidatePath("/settings/api-keys");
  return revoked ? { ok: true } : { ok: false, fieldErrors: {} };
}
