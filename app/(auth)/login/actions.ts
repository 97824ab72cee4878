"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/auth";
import { getDb } from "@/db";
import { admitSignIn } from "@/lib/auth/sign-in-limits";

export interface SignInState {
  error?: "email_invalid" | "rate_limited";
  /** With rate_limited: when to try again. */
  retryAfterMinutes?: number;
  email?: string;
}

/** Sends the magic link, then shows the check-email page. */
export async function requestSignInLink(
  _prev: SignInState,
  formData: FormData,
): Promise<SignInState> {
  const raw = formData.get("email");
  const typed = typeof raw === "string" ? raw : "";
  const parsed = z.string().trim().toLowerCase().email().max(254).safeParse(typed);
  if (!parsed.success) return { error: "email_invalid", email: typed };
  // Per address, per client and for the whole app (lib/security/limits.ts).
  const admitted = await admitSignIn(await getDb(), parsed.data, await headers());
  if (!admitted.allowed) {
    return {
      error: "rate_limited",
      retryAfterMinutes: Math.ceil(admitted.retryAfterSeconds / 60),
      email: typed,
    };
  }
  // redirect:false, then our own redirect: Auth.js's verify-request hop breaks the
  // client-side navigation that follows a server action.
  await signIn("email", {
    email: parsed.data,
    redirectTo: safeNext(formData.get("next")),
    redirect: false,
  });
  redirect("/login/check-email");
}

/**
 * Where the link leads after signing in: a path on this site (an install started in
 * Shopify continues there), never another origin; the documents by default.
 */
function safeNext(value: FormDataEntryValue | null): string {
  if (typeof value !== "string" || value.length > 500) return "/documents";
  return /^\/(?![/\\])[^\s]*$/.test(value) ? value : "/documents";
}
