import type { Db } from "@/db/client";
import { merchantAddresses } from "@/db/queries/merchant-domains";
import type { Tenant } from "@/db/tenant";
import { emailDomain } from "./text-links";

/**
 * The domains a merchant's texts may link to: Facturo's own (APP_URL), the domains of
 * the merchant's reply-to and sign-in addresses, and their Shopify shops.
 */
export async function allowedLinkDomains(db: Db, t: Tenant, appUrl: string): Promise<string[]> {
  const { emails, shops } = await merchantAddresses(db, t);
  const domains = new Set<string>([new URL(appUrl).hostname.toLowerCase()]);
  for (const email of emails) {
    const domain = emailDomain(email);
    if (domain) domains.add(domain);
  }
  for (const shop of shops) domains.add(shop.toLowerCase());
  return [...domains];
}
