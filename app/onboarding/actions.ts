"use server";

import { getConfig } from "@/lib/config/env";
import { cookiesAreSecure } from "@/lib/security/cookies";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { activeOrganisationCookie, requireOrg, requireUser } from "@/app/_server/context";
import { updateCompanySettings } from "@/db/queries/organisations";
import { createOrganisationWithOwner } from "@/lib/company/create-organisation-with-owner";
import { newOrganisationSchema, type NewOrganisationInput } from "@/lib/company/company-schema";
import { fieldErrorsOf, type ActionResult } from "@/lib/forms/action-result";
import { isUiLocale } from "@/lib/i18n/locales";

export async function createOrganisation(input: NewOrganisationInput): Promise<ActionResult> {
  const { db, userId } = await requireUser();
  const parsed = newOrganisationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  // Documents start in the language the merchant uses the app in; Settings can change it.
  const locale = await getLocale();
  const defaultLanguage = isUiLocale(locale) ? locale : "fr";
  const organisation = await createOrganisationWithOwner(db, userId, {
    ...parsed.data,
    defaultLanguage,
  });
  (await cookies()).set(activeOrganisationCookie, organisation.id, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    secure: cookiesAreSecure(getConfig().APP_URL),
  });
  redirect("/documents?welcome=1");
}

/**
 * First run of a company made from a Shopify shop (it already exists, named after the
 * shop, with the shop connected): its details, then the Shopify page.
 */
export async function completeShopOnboarding(input: NewOrganisationInput): Promise<ActionResult> {
  const { db, organisationId } = await requireOrg();
  const parsed = newOrganisationSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  // Only the fields asked here; the others (BIC, emails, language…) stay as they are.
  await updateCompanySettings(db, organisationId, parsed.data);
  redirect("/apps/shopify");
}
