import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import {
  HttpError,
  parseCookies,
  parseJsonOrForm,
  redirect,
  sendHtml,
  sendJson,
} from "@facturo/stand-in-http";
import { randomHex } from "./ids";
import { type AuthorizeRequest, consentPage, errorPage, loginPage } from "./pages";
import { hostParam, queryHmac } from "./sign";
import type { Simulator } from "./simulator";
import type { ShopState } from "./state";
import { exchangeCode, issueCode, oauthError, refreshAccessToken } from "./tokens";

/**
 * The OAuth authorization-code grant as the merchant and the app see it (docs/shopify.md §1):
 * authorize → (log in) → consent → redirect back with a signed query; then the server-side
 * code and refresh-token exchanges.
 */

const LOGIN_COOKIE = "shopify_sim_login";

function shopBase(shop: ShopState): string {
  return `/shops/${shop.domain}/admin`;
}

/** The merchant logged in to this shop in this browser, if any. */
function loggedInEmail(sim: Simulator, req: IncomingMessage, shop: ShopState): string | null {
  const session = parseCookies(req.headers.cookie).get(LOGIN_COOKIE);
  const login = session ? sim.state.logins.get(session) : undefined;
  return login && login.shop === shop.domain ? login.email : null;
}

/**
 * Checks an authorize request; errors are the plain HTML pages Shopify shows the merchant
 * (the app is not called back when it cannot be identified).
 */
function readAuthorizeRequest(
  sim: Simulator,
  params: URLSearchParams | Record<string, string>,
): AuthorizeRequest {
  const get = (key: string) =>
    (params instanceof URLSearchParams ? params.get(key) : params[key]) ?? "";
  const request: AuthorizeRequest = {
    clientId: get("client_id"),
    scope: get("scope"),
    redirectUri: get("redirect_uri"),
    state: get("state"),
    grantOptions: get("grant_options[]"),
  };
  if (request.clientId !== sim.config.clientId) {
    throw new HttpError(
      400,
      `Oauth error invalid_request: Could not find Shopify API application with api_key ${request.clientId || "(none)"}`,
    );
  }
  let redirectUrl: URL;
  try {
    redirectUrl = new URL(request.redirectUri);
  } catch {
    throw new HttpError(400, "Oauth error invalid_request: The redirect_uri is missing or invalid");
  }
  if (redirectUrl.protocol !== "http:" && redirectUrl.protocol !== "https:") {
    throw new HttpError(400, "Oauth error invalid_request: The redirect_uri is missing or invalid");
  }
  const allowed = sim.config.allowedRedirectUrls;
  if (allowed && !allowed.includes(`${redirectUrl.origin}${redirectUrl.pathname}`)) {
    throw new HttpError(400, "Oauth error invalid_request: The redirect_uri is not whitelisted");
  }
  return request;
}

function scopesOf(request: AuthorizeRequest): string[] {
  return [
    ...new Set(
      request.scope
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** `GET /admin/oauth/authorize`: login page, then the consent page. */
export function handleAuthorize(
  sim: Simulator,
  req: IncomingMessage,
  res: ServerResponse,
  shop: ShopState,
  url: URL,
): void {
  const request = readAuthorizeRequest(sim, url.searchParams);
  const email = loggedInEmail(sim, req, shop);
  if (!email) {
    sendHtml(res, 200, loginPage(shop, `${url.pathname}${url.search}`));
    return;
  }
  sendHtml(res, 200, consentPage(sim.config, shop, request, email));
}

/** `POST /admin/auth/login` (simulator page): any password; remembers the merchant. */
export function handleLogin(
  sim: Simulator,
  res: ServerResponse,
  shop: ShopState,
  form: Record<string, string>,
): void {
  const email = (form.email ?? "").trim();
  const wanted = form.return_to ?? "";
  // Only back into this shop's authorize page or admin: no open redirect.
  const returnTo =
    wanted.startsWith(`${shopBase(shop)}/oauth/authorize?`) || wanted === shopBase(shop)
      ? wanted
      : shopBase(shop);
  if (!email.includes("@")) {
    sendHtml(res, 422, loginPage(shop, returnTo, "Enter a valid email address."));
    return;
  }
  const session = randomHex(16);
  sim.state.logins.set(session, { shop: shop.domain, email });
  redirect(res, returnTo, 303, {
    "Set-Cookie": `${LOGIN_COOKIE}=${session}; Path=/shops/${shop.domain}/; HttpOnly; SameSite=Lax`,
  });
}

/** `POST /admin/oauth/install` (consent form): Install → signed callback; Cancel → error. */
export function handleInstallDecision(
  sim: Simulator,
  req: IncomingMessage,
  res: ServerResponse,
  shop: ShopState,
  form: Record<string, string>,
): void {
  const request = readAuthorizeRequest(sim, form);
  if (!loggedInEmail(sim, req, shop)) {
    sendHtml(res, 401, errorPage(401, "Session expired", "Log in again and retry the install."));
    return;
  }
  const callback = new URL(request.redirectUri);
  if (form.decision !== "install") {
    for (const [key, value] of Object.entries({
      error: "access_denied",
      error_description: "The merchant declined",
      shop: shop.domain,
      state: request.state,
    })) {
      callback.searchParams.set(key, value);
    }
    redirect(res, callback.toString(), 302);
    return;
  }

  const scopes = scopesOf(request);
  sim.install(shop, scopes);
  const code = issueCode(sim.state, sim.config, {
    shop: shop.domain,
    scopes,
    online: request.grantOptions === "per-user",
  });
  const params: Record<string, string> = {
    ...Object.fromEntries(callback.searchParams),
    code,
    host: hostParam(shop.handle),
    shop: shop.domain,
    state: request.state,
    timestamp: String(Math.floor(sim.config.now().getTime() / 1000)),
  };
  // Every parameter of the final query is signed, including any the app put in redirect_uri.
  const hmac = queryHmac(params, sim.config.clientSecret);
  callback.search = "";
  for (const [key, value] of Object.entries({ ...params, hmac })) {
    callback.searchParams.set(key, value);
  }
  redirect(res, callback.toString(), 302);
}

const codeGrant = z.object({
  client_id: z.string(),
  client_secret: z.string(),
  code: z.string().min(1),
  expiring: z.union([z.string(), z.number(), z.boolean()]).optional(),
});

const refreshGrant = z.object({
  client_id: z.string(),
  client_secret: z.string(),
  grant_type: z.literal("refresh_token"),
  refresh_token: z.string().min(1),
});

/** `POST /admin/oauth/access_token` (JSON or form body). */
export function handleAccessToken(
  sim: Simulator,
  req: IncomingMessage,
  res: ServerResponse,
  shop: ShopState,
  body: Buffer,
): void {
  const input = parseJsonOrForm(req, body);
  const grantType =
    typeof input === "object" && input !== null && "grant_type" in input
      ? (input as { grant_type?: unknown }).grant_type
      : undefined;

  if (grantType === "refresh_token") {
    const parsed = refreshGrant.safeParse(input);
    if (!parsed.success)
      throw oauthError(400, "invalid_request", "Missing refresh_token or client credentials");
    const response = refreshAccessToken(sim.state, sim.config, shop, {
      clientId: parsed.data.client_id,
      clientSecret: parsed.data.client_secret,
      refreshToken: parsed.data.refresh_token,
    });
    sim.config.log(`${shop.domain}: access token refreshed (${shop.refreshCount})`);
    sendJson(res, 200, response);
    return;
  }
  if (grantType !== undefined) {
    throw oauthError(
      400,
      "unsupported_grant_type",
      `grant_type ${JSON.stringify(grantType)} is not supported by the simulator`,
    );
  }
  const parsed = codeGrant.safeParse(input);
  if (!parsed.success)
    throw oauthError(400, "invalid_request", "Missing code or client credentials");
  const { expiring } = parsed.data;
  const response = exchangeCode(sim.state, sim.config, shop, {
    clientId: parsed.data.client_id,
    clientSecret: parsed.data.client_secret,
    code: parsed.data.code,
    expiring: expiring === "1" || expiring === 1 || expiring === true,
  });
  sendJson(res, 200, response);
}
