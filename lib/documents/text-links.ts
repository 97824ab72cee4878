/**
 * Links in the texts a merchant writes (legends, email subjects and bodies). Emails
 * leave from Facturo's domain, so a text may only link to the merchant's own domains
 * and to Facturo's pages: an account opened to send phishing through Facturo cannot.
 */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"'()]+/gi;

/** The host names linked from a text (`www.x.be/…` counts as a link too). */
export function linkedHosts(text: string): string[] {
  const hosts: string[] = [];
  for (const [found] of text.matchAll(LINK)) {
    const url = /^https?:\/\//i.test(found) ? found : `https://${found}`;
    try {
      hosts.push(new URL(url).hostname.toLowerCase());
    } catch {
      hosts.push(found.toLowerCase());
    }
  }
  return hosts;
}

/** A host is allowed when it is one of the domains or under one (`shop.x.be` under `x.be`). */
export function isAllowedHost(host: string, allowedDomains: readonly string[]): boolean {
  const bare = host.replace(/\.$/, "");
  return allowedDomains.some((domain) => bare === domain || bare.endsWith(`.${domain}`));
}

/** The hosts a text links to that are not allowed. */
export function foreignLinks(text: string, allowedDomains: readonly string[]): string[] {
  return linkedHosts(text).filter((host) => !isAllowedHost(host, allowedDomains));
}

/** The domain of an email address, or null. */
export function emailDomain(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf("@") ?? -1;
  if (!email || at < 0) return null;
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return domain.includes(".") ? domain : null;
}
