import type { SimulatorConfig } from "./config";
import { HttpError } from "@facturo/stand-in-http";
import { randomHex, randomToken } from "./ids";
import { safeEqual } from "./sign";
import type { AccessTokenRecord, ShopState, SimulatorState } from "./state";

/**
 * Authorization codes, access tokens and refresh tokens (docs/shopify.md §1.7, §1.8).
 *
 * Refresh-token rotation follows Shopify's behaviour since 2026-08-28: after a refresh, the
 * old refresh token stays usable until the app first uses the NEW access token; from then on
 * it is `invalid_grant`. So an app that crashed before persisting the new pair can retry, and
 * an app that keeps refreshing with a stale token gets caught.
 */

/** Shopify's OAuth error body, `{ error, error_description }`. */
export function oauthError(status: number, error: string, description: string): HttpError {
  return new HttpError(status, description, { error, error_description: description });
}

function checkClient(config: SimulatorConfig, clientId: string, clientSecret: string): void {
  if (clientId !== config.clientId || !safeEqual(clientSecret, config.clientSecret)) {
    throw oauthError(
      401,
      "invalid_client",
      "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
    );
  }
}

export function issueCode(
  state: SimulatorState,
  config: SimulatorConfig,
  params: { shop: string; scopes: string[]; online: boolean },
): string {
  const code = randomHex(16);
  state.codes.set(code, {
    code,
    shop: params.shop,
    clientId: config.clientId,
    scopes: params.scopes,
    online: params.online,
    issuedAtMs: config.now().getTime(),
    used: false,
  });
  return code;
}

export interface OfflineTokenResponse {
  access_token: string;
  scope: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
}

export interface OnlineTokenResponse {
  access_token: string;
  scope: string;
  expires_in: number;
  associated_user_scope: string;
  associated_user: Record<string, string | number | boolean>;
}

function issueExpiringPair(
  state: SimulatorState,
  config: SimulatorConfig,
  shop: string,
  scopes: string[],
): { access: AccessTokenRecord; response: OfflineTokenResponse } {
  const nowMs = config.now().getTime();
  const access: AccessTokenRecord = {
    token: randomToken("shpat"),
    shop,
    scopes,
    issuedAtMs: nowMs,
    expiresAtMs: nowMs + config.tokenTtlSeconds * 1000,
    revoked: false,
    lastUsedAtMs: null,
    online: false,
    retiresRefreshTokens: [],
  };
  const refreshToken = randomToken("shprt");
  state.accessTokens.set(access.token, access);
  state.refreshTokens.set(refreshToken, {
    token: refreshToken,
    shop,
    scopes,
    issuedAtMs: nowMs,
    expiresAtMs: nowMs + config.refreshTokenTtlSeconds * 1000,
    revoked: false,
  });
  return {
    access,
    response: {
      access_token: access.token,
      scope: scopes.join(","),
      expires_in: config.tokenTtlSeconds,
      refresh_token: refreshToken,
      refresh_token_expires_in: config.refreshTokenTtlSeconds,
    },
  };
}

/** `POST /admin/oauth/access_token` with a `code`. */
export function exchangeCode(
  state: SimulatorState,
  config: SimulatorConfig,
  shop: ShopState,
  body: { clientId: string; clientSecret: string; code: string; expiring: boolean },
): OfflineTokenResponse | OnlineTokenResponse {
  checkClient(config, body.clientId, body.clientSecret);
  const code = state.codes.get(body.code);
  const nowMs = config.now().getTime();
  if (
    !code ||
    code.used ||
    code.shop !== shop.domain ||
    nowMs - code.issuedAtMs > config.codeTtlSeconds * 1000
  ) {
    throw oauthError(
      400,
      "invalid_request",
      "The authorization code was not found or was already used",
    );
  }
  code.used = true;
  shop.tokenExchangeCount += 1;

  if (code.online) {
    const ttl = 86_399;
    const token: AccessTokenRecord = {
      token: randomToken("shpua"),
      shop: shop.domain,
      scopes: code.scopes,
      issuedAtMs: nowMs,
      expiresAtMs: nowMs + ttl * 1000,
      revoked: false,
      lastUsedAtMs: null,
      online: true,
      retiresRefreshTokens: [],
    };
    state.accessTokens.set(token.token, token);
    return {
      access_token: token.token,
      scope: code.scopes.join(","),
      expires_in: ttl,
      associated_user_scope: code.scopes.join(","),
      associated_user: {
        id: 902541635,
        first_name: "Shop",
        last_name: "Owner",
        email: shop.email,
        email_verified: true,
        account_owner: true,
        locale: "en",
        collaborator: false,
      },
    };
  }

  if (body.expiring) return issueExpiringPair(state, config, shop.domain, code.scopes).response;

  // Legacy non-expiring offline token: re-authorising returns the same token (§1.7).
  const existing = [...state.accessTokens.values()].find(
    (t) => t.shop === shop.domain && !t.revoked && !t.online && t.expiresAtMs === null,
  );
  if (existing) {
    existing.scopes = code.scopes;
    return { access_token: existing.token, scope: code.scopes.join(",") };
  }
  const legacy: AccessTokenRecord = {
    token: randomToken("shpat"),
    shop: shop.domain,
    scopes: code.scopes,
    issuedAtMs: nowMs,
    expiresAtMs: null,
    revoked: false,
    lastUsedAtMs: null,
    online: false,
    retiresRefreshTokens: [],
  };
  state.accessTokens.set(legacy.token, legacy);
  return { access_token: legacy.token, scope: code.scopes.join(",") };
}

/** `POST /admin/oauth/access_token` with `grant_type=refresh_token`. */
export function refreshAccessToken(
  state: SimulatorState,
  config: SimulatorConfig,
  shop: ShopState,
  body: { clientId: string; clientSecret: string; refreshToken: string },
): OfflineTokenResponse {
  checkClient(config, body.clientId, body.clientSecret);
  const record = state.refreshTokens.get(body.refreshToken);
  const nowMs = config.now().getTime();
  if (!record || record.shop !== shop.domain || record.revoked || nowMs >= record.expiresAtMs) {
    throw oauthError(
      400,
      "invalid_grant",
      "The refresh token is invalid, expired, revoked or was issued to another client",
    );
  }
  const { access, response } = issueExpiringPair(state, config, shop.domain, record.scopes);
  access.retiresRefreshTokens.push(record.token);
  shop.refreshCount += 1;
  return response;
}

/**
 * The token behind `X-Shopify-Access-Token`, or null when unknown, revoked, expired or for
 * another shop. A successful use retires the refresh token it replaced (rotation).
 */
export function authenticate(
  state: SimulatorState,
  config: SimulatorConfig,
  shop: string,
  token: string | undefined,
): AccessTokenRecord | null {
  if (!token) return null;
  const record = state.accessTokens.get(token);
  const nowMs = config.now().getTime();
  if (!record || record.shop !== shop || record.revoked) return null;
  if (record.expiresAtMs !== null && nowMs >= record.expiresAtMs) return null;
  record.lastUsedAtMs = nowMs;
  for (const retired of record.retiresRefreshTokens.splice(0)) {
    const refresh = state.refreshTokens.get(retired);
    if (refresh) refresh.revoked = true;
  }
  return record;
}

/** Uninstall: every access and refresh token of the shop stops working at once (§1.10). */
export function revokeShopTokens(state: SimulatorState, shop: string): void {
  for (const record of state.accessTokens.values()) if (record.shop === shop) record.revoked = true;
  for (const record of state.refreshTokens.values())
    if (record.shop === shop) record.revoked = true;
  for (const code of state.codes.values()) if (code.shop === shop) code.used = true;
}

/** Test helper: make the shop's current access tokens expired now, to force a refresh. */
export function expireShopAccessTokens(
  state: SimulatorState,
  config: SimulatorConfig,
  shop: string,
): number {
  const nowMs = config.now().getTime();
  let count = 0;
  for (const record of state.accessTokens.values()) {
    if (record.shop === shop && !record.revoked && record.expiresAtMs !== null) {
      if (record.expiresAtMs > nowMs) count += 1;
      record.expiresAtMs = Math.min(record.expiresAtMs, nowMs);
    }
  }
  return count;
}
