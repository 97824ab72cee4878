import { z } from "zod";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

/**
 * Shopify's expiring offline token pair. The access token lives an hour, the
 * refresh token 90 days and is replaced on every use, so the pair is always
 * written together, sealed, in one row update.
 */
const tokenPairSchema = z.object({
  accessToken: z.string().min(1),
  accessTokenExpiresAt: z.string().datetime().nullable(),
  refreshToken: z.string().min(1).nullable(),
  refreshTokenExpiresAt: z.string().datetime().nullable(),
});

export type TokenPair = z.infer<typeof tokenPairSchema>;

export function sealTokenPair(pair: TokenPair, encryptionKey: string): string {
  return encryptSecret(JSON.stringify(tokenPairSchema.parse(pair)), encryptionKey);
}

export function openTokenPair(sealed: string, encryptionKey: string): TokenPair {
  return tokenPairSchema.parse(JSON.parse(decryptSecret(sealed, encryptionKey)));
}

/** What the library's Session carries after an install or a refresh. */
export interface SessionTokens {
  accessToken?: string;
  expires?: Date;
  refreshToken?: string;
  refreshTokenExpires?: Date;
}

export function tokenPairFromSession(session: SessionTokens): TokenPair {
  if (!session.accessToken) throw new Error("Shopify returned no access token");
  return {
    accessToken: session.accessToken,
    accessTokenExpiresAt: session.expires?.toISOString() ?? null,
    refreshToken: session.refreshToken ?? null,
    refreshTokenExpiresAt: session.refreshTokenExpires?.toISOString() ?? null,
  };
}

/** Refresh a few minutes early so a long job never starts with a token about to die. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export function needsRefresh(pair: TokenPair, now: Date): boolean {
  if (!pair.accessTokenExpiresAt || !pair.refreshToken) return false;
  return new Date(pair.accessTokenExpiresAt).getTime() - now.getTime() < REFRESH_MARGIN_MS;
}
