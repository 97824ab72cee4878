import "server-only";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

/** Where the sign-in link goes in an email's text until it is sent. */
export const SIGN_IN_LINK_PLACEHOLDER = "{{sign-in-link}}";

/** What the stored email (and the log) says instead of the link. */
export const SIGN_IN_LINK_REDACTED = "[sign-in link: sent, not kept]";

/**
 * A sign-in link is a password for an hour: it never lies in the clear in the queue,
 * the email table or the logs. The job carries it sealed (AES-256-GCM with the app's
 * ENCRYPTION_KEY) with its expiry, and the worker opens it only to send it.
 */
export function sealSignInLink(url: string, expiresAt: Date, key: string): string {
  return encryptSecret(JSON.stringify({ url, expiresAt: expiresAt.toISOString() }), key);
}

/** The link, or null when it has expired (or was not sealed with this key). */
export function openSignInLink(sealed: string, key: string, now: Date = new Date()): string | null {
  try {
    const { url, expiresAt } = JSON.parse(decryptSecret(sealed, key)) as {
      url: string;
      expiresAt: string;
    };
    return new Date(expiresAt) > now ? url : null;
  } catch {
    return null;
  }
}

/** The sealed-link marker kept in an outbox email instead of the link (outbox mode only). */
export function outboxLinkMarker(sealed: string): string {
  return `[[sealed-sign-in-link:${sealed}]]`;
}

/** The outbox page opens the marker to show the link (development and test servers only). */
export function openOutboxLinkMarkers(text: string, key: string): string {
  return text.replace(/\[\[sealed-sign-in-link:([\w.-]+)\]\]/g, (whole, sealed: string) => {
    return openSignInLink(sealed, key) ?? "[sign-in link expired]";
  });
}
