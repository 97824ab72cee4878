"use server";

import { z } from "zod";
import { signIn } from "@/auth";

export interface SignInState {
  error?: "email_invalid";
  email?: string;
}

/** Sends the magic link; Auth.js then redirects to the check-email page. */
export async function requestSignInLink(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const parsed = z.string().trim().toLowerCase().email().max(254).safeParse(formData.get("email"));
  if (!parsed.success) return { error: "email_invalid", email: String(formData.get("email") ?? "") };
  await signIn("email", { email: parsed.data, redirectTo: "/documents" });
  return {};
}
