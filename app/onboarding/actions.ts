"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { activeOrganisationCookie, requireUser } from "@/app/_server/context";
import { createOrganisationWithOwner } from "@/db/queries/organisations";
import { newOrganisationSchema, type NewOrganisationInput } from "@/lib/company/company-schema";
import { fieldErrorsOf, type ActionResult } from "@/lib/forms/action-result";

export async function createOrganisation(input: NewOrganisationInput): Promise<ActionResult> {
  const { db, userId } = await requireUser();
  const parsed = newOrganisationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const organisation = await createOrganisationWithOwner(db, userId, parsed.data);
  (await cookies()).set(activeOrganisationCookie, organisation.id, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
  });
  redirect("/documents?welcome=1");
}
