import "server-only";
import { getLocale } from "next-intl/server";
import type { DocumentLanguage } from "@/db/schema";
import { isUiLocale } from "@/lib/i18n/locales";
import type { ShopifyEntryOutcome } from "@/lib/shopify/connection/install-from-shopify";
import { activeOrganisationCookie } from "./context";

/** A redirect outcome of the Shopify entry points as the browser's 302. */
export function entryRedirect(
  outcome: Extract<ShopifyEntryOutcome, { kind: "redirect" }>,
  extraCookies: string[] = [],
): Response {
  const headers = new Headers({ location: outcome.location });
  for (const cookie of [...outcome.setCookies, ...extraCookies])
    headers.append("set-cookie", cookie);
  if (outcome.selectOrganisation) {
    // Always one of the viewer's own organisations (lib/shopify/connection decides).
    headers.append(
      "set-cookie",
      `${activeOrganisationCookie}=${outcome.selectOrganisation}; Path=/; HttpOnly; SameSite=Lax`,
    );
  }
  return new Response(null, { status: 302, headers });
}

/** A company made from a shop writes its documents in the language the visitor uses. */
export async function visitorLanguage(): Promise<DocumentLanguage> {
  const locale = await getLocale().catch(() => "fr");
  return isUiLocale(locale) ? locale : "fr";
}

/** `owner@shop.be` → `o•••@shop.be`: enough to recognise one's address, not to harvest it. */
export function maskedAddress(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "•••";
  return `${email.slice(0, 1)}•••${email.slice(at)}`;
}
