import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { getDb, type Db } from "@/db";
import { listUserOrganisations } from "@/db/queries/organisations";
import { tenant, type Tenant } from "@/db/tenant";
import type { Viewer } from "@/lib/shopify/connection/install-from-shopify";

export const activeOrganisationCookie = "facturo_org";

export interface UserContext {
  db: Db;
  userId: string;
  email: string;
}

export interface OrgContext extends UserContext {
  tenant: Tenant;
  organisationId: string;
  organisationName: string;
}

/** The signed-in user, or null. */
export const getUserContext = cache(async (): Promise<UserContext | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return { db: await getDb(), userId, email: session.user?.email ?? "" };
});

/**
 * The signed-in user and the organisation they are working in, or null. The
 * organisation comes from the user's memberships only (a cookie may pick among
 * them), so no request can name another tenant's id.
 */
export const getOrgContext = cache(async (): Promise<OrgContext | null> => {
  const user = await getUserContext();
  if (!user) return null;
  const organisations = await listUserOrganisations(user.db, user.userId);
  const chosen = (await cookies()).get(activeOrganisationCookie)?.value;
  const active = organisations.find((o) => o.id === chosen) ?? organisations[0];
  if (!active) return null;
  return {
    ...user,
    tenant: tenant(active.id),
    organisationId: active.id,
    organisationName: active.legalName,
  };
});

/** For pages and actions: the signed-in user, or a redirect to sign in. */
export async function requireUser(): Promise<UserContext> {
  const user = await getUserContext();
  if (!user) redirect("/login");
  return user;
}

/** For pages and actions: every one starts here (sign in, then create a company). */
export async function requireOrg(): Promise<OrgContext> {
  const ctx = await getOrgContext();
  if (ctx) return ctx;
  await requireUser();
  redirect("/onboarding");
}

/**
 * The signed-in user as the Shopify entry points need them: every organisation they
 * belong to and the active one. Null when nobody is signed in.
 */
export async function getViewer(): Promise<Viewer | null> {
  const user = await getUserContext();
  if (!user) return null;
  const organisations = await listUserOrganisations(user.db, user.userId);
  const active = await getOrgContext();
  return {
    userId: user.userId,
    email: user.email,
    organisationIds: organisations.map((o) => o.id),
    activeOrganisationId: active?.organisationId ?? null,
  };
}
