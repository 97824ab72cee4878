"use server";

import { signOut as authSignOut } from "@/auth";

export async function signOut(): Promise<void> {
  await authSignOut({ redirectTo: "/login" });
}
