"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { isUiLocale, localeCookie } from "@/lib/i18n/locales";
import { getConfig } from "@/lib/config/env";
import { cookiesAreSecure } from "@/lib/security/cookies";

export async function setLocale(locale: string): Promise<void> {
  if (!isUiLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, {
    path: "/",
    maxAge: 365 * 24 * 60 * 60,
    sameSite: "lax",
    secure: cookiesAreSecure(getConfig().APP_URL),
  });
  revalidatePath("/", "layout");
}
