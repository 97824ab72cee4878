import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startShopifySimulator, type RunningSimulator } from "./server";
import { SHOP_QUERY } from "./test-support";
import { adminGraphql, authorizeThroughPages, control, installApp } from "./testing";

/**
 * The OAuth dance over HTTP, checked by @shopify/shopify-api itself: its `auth.begin`
 * builds the authorize URL, its `auth.callback` validates our signed redirect (HMAC,
 * timestamp, state cookie) and exchanges the code, `auth.refreshToken` refreshes.
 */

const CHROME_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/143.0.0.0 Safari/537.36";
const SHOP = "oauth-test.myshopify.com";

let sim: RunningSimulator;
let clock = Date.now();

beforeAll(async () => {
  sim = await startShopifySimulator({ port: 0, now: () => new Date(clock) });
  // What the app does in fake mode: every https://{shop}/… request goes to the simulator.
  setAbstractFetchFunc(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const rewritten = `${sim.origin}/shops/${url.host}${url.pathname}${url.search}`;
    return fetch(rewritten, init);
  });
});

afterAll(async () => {
  await sim.close();
});

beforeEach(async () => {
  clock = Date.now();
  await control(sim.origin, "/reset", {});
});

const shopify = shopifyApi({
  apiKey: "facturo-dev",
  apiSecretKey: "facturo-dev-secret",
  scopes: ["read_orders"],
  hostName: "localhost:3000",
  hostScheme: "http",
  apiVersion: ApiVersion.July26,
  isEmbeddedApp: false,
  logger: { level: LogSeverity.Error },
});

/** The app's install route: `auth.begin` answers a 302 to the authorize page + state cookies. */
async function beginInstall(): Promise<Response> {
  const response = (await shopify.auth.begin({
    shop: SHOP,
    callbackPath: "/api/shopify/callback",
    isOnline: false,
    rawRequest: new Request("http://localhost:3000/api/shopify/install", {
      headers: { "User-Agent": CHROME_UA },
    }),
  })) as Response;
  return response;
}

/** The browser: cookies per origin are not needed beyond the simulator's login cookie. */
async function browserGet(url: string, cookie = "") {
  return fetch(url, { redirect: "manual", headers: { Cookie: cookie, "User-Agent": CHROME_UA } });
}

describe("authorize pages", () => {
  it("shows the login page, then the consent page with the scopes in words", async () => {
    const begin = await beginInstall();
    const location = new URL(begin.headers.get("Location") ?? "");
    expect(location.host).toBe(SHOP);
    const authorizeUrl = `${sim.origin}/shops/${SHOP}${location.pathname}${location.search}`;

    const loginPage = await browserGet(authorizeUrl);
    expect(loginPage.status).toBe(200);
    const loginHtml = await loginPage.text();
    expect(loginHtml).toContain('lang="en"');
    expect(loginHtml).toContain(`value="owner@oauth-test.example"`);
    expect(loginHtml).toMatch(/<button[^>]*>Log in<\/button>/);

    const login = await fetch(`${sim.origin}/shops/${SHOP}/admin/auth/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        email: "owner@oauth-test.example",
        password: "anything",
        return_to: `${location.pathname.replace("/admin", `/shops/${SHOP}/admin`)}${location.search}`,
      }),
    });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/^shopify_sim_login=/);
    expect(new URL(login.headers.get("location") ?? "", sim.origin).pathname).toBe(
      `/shops/${SHOP}/admin/oauth/authorize`,
    );

    const consent = await browserGet(authorizeUrl, cookie);
    const consentHtml = await consent.text();
    expect(consentHtml).toContain("<h1>Install Facturo</h1>");
    expect(consentHtml).toContain("View orders (last 60 days)");
    expect(consentHtml).toMatch(/<button[^>]*value="install"[^>]*>Install app<\/button>/);
    expect(consentHtml).toMatch(/<button[^>]*value="cancel"[^>]*>Cancel<\/button>/);
  });

  it("rejects an unknown client_id with an HTML 400", async () => {
    const response = await browserGet(
      `${sim.origin}/shops/${SHOP}/admin/oauth/authorize?client_id=nope&scope=read_orders&redirect_uri=${encodeURIComponent("http://localhost:3000/cb")}&state=s`,
    );
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain("Could not find Shopify API application");
  });

  it("shows unknown scopes raw and escapes them", async () => {
    const { cookie, query } = await loggedIn("read_orders,<script>x</script>");
    const html = await (
      await browserGet(`${sim.origin}/shops/${SHOP}/admin/oauth/authorize?${query}`, cookie)
    ).text();
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(html).not.toContain("<script>x");
  });

  it("Cancel redirects with access_denied and no code", async () => {
    const { cookie, query } = await loggedIn("read_orders");
    const response = await fetch(`${sim.origin}/shops/${SHOP}/admin/oauth/install`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams({ ...Object.fromEntries(query), decision: "cancel" }),
    });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(Object.fromEntries(location.searchParams)).toEqual({
      error: "access_denied",
      error_description: "The merchant declined",
      shop: SHOP,
      state: "st4te",
    });
    expect(location.search).toContain("error_description=The+merchant+declined");
  });
});

async function loggedIn(scope: string) {
  const query = new URLSearchParams({
    client_id: "facturo-dev",
    scope,
    redirect_uri: "http://localhost:3000/api/shopify/callback",
    state: "st4te",
    "grant_options[]": "",
  });
  const login = await fetch(`${sim.origin}/shops/${SHOP}/admin/auth/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "a@b.example", password: "x", return_to: "/" }),
  });
  return { cookie: (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "", query };
}

describe("full install validated by @shopify/shopify-api", () => {
  it("begin → login → install → callback gives an expiring session that refreshes", async () => {
    const begin = await beginInstall();
    const stateCookies = begin.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const authorize = new URL(begin.headers.get("Location") ?? "");
    const callbackUrl = await authorizeThroughPages({
      origin: sim.origin,
      shop: SHOP,
      scopes: (authorize.searchParams.get("scope") ?? "").split(","),
      redirectUri: authorize.searchParams.get("redirect_uri") ?? "",
      state: authorize.searchParams.get("state") ?? "",
    });

    expect(callbackUrl.origin + callbackUrl.pathname).toBe(
      "http://localhost:3000/api/shopify/callback",
    );
    expect([...callbackUrl.searchParams.keys()].sort()).toEqual(
      ["code", "hmac", "host", "shop", "state", "timestamp"].sort(),
    );
    expect(callbackUrl.searchParams.get("host")).not.toContain("=");
    expect(
      Math.abs(Number(callbackUrl.searchParams.get("timestamp")) - Date.now() / 1000),
    ).toBeLessThan(5);
    // The library's own HMAC check of the redirect query.
    await expect(
      shopify.utils.validateHmac(Object.fromEntries(callbackUrl.searchParams)),
    ).resolves.toBe(true);

    const { session } = await shopify.auth.callback<Headers>({
      rawRequest: new Request(callbackUrl, {
        headers: { Cookie: stateCookies, "User-Agent": CHROME_UA },
      }),
      expiring: true,
    });
    expect(session.shop).toBe(SHOP);
    expect(session.accessToken).toMatch(/^shpat_[0-9a-f]{32}$/);
    expect(session.refreshToken).toMatch(/^shprt_[0-9a-f]{32}$/);
    expect(session.scope).toBe("read_orders");
    expect(session.expires!.getTime() - Date.now()).toBeGreaterThan(3590_000);

    const client = new shopify.clients.Graphql({ session });
    const shopAnswer = await client.request<{ shop: { myshopifyDomain: string; name: string } }>(
      SHOP_QUERY,
    );
    expect(shopAnswer.data?.shop.myshopifyDomain).toBe(SHOP);

    const refreshed = await shopify.auth.refreshToken({
      shop: SHOP,
      refreshToken: session.refreshToken!,
    });
    expect(refreshed.session.accessToken).not.toBe(session.accessToken);
    expect(refreshed.session.refreshToken).not.toBe(session.refreshToken);
    const state = await control<{ refreshCount: number; installed: boolean }>(
      sim.origin,
      `/shops/${SHOP}`,
    );
    expect(state.body.refreshCount).toBe(1);
    expect(state.body.installed).toBe(true);
  });
});

describe("POST /admin/oauth/access_token", () => {
  const tokenUrl = () => `${sim.origin}/shops/${SHOP}/admin/oauth/access_token`;
  const post = (body: Record<string, unknown>, form = false) =>
    fetch(tokenUrl(), {
      method: "POST",
      headers: {
        "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json",
      },
      body: form
        ? new URLSearchParams(body as Record<string, string>).toString()
        : JSON.stringify(body),
    });
  const credentials = { client_id: "facturo-dev", client_secret: "facturo-dev-secret" };

  it("exchanges a code once (form body accepted), legacy shape without expiring", async () => {
    const callback = await authorizeThroughPages({ origin: sim.origin, shop: SHOP });
    const code = callback.searchParams.get("code") ?? "";
    const first = await post({ ...credentials, code }, true);
    expect(first.status).toBe(200);
    const body = (await first.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["access_token", "scope"]);
    const again = await post({ ...credentials, code });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: "invalid_request" });
  });

  it("rejects wrong client credentials and codes of another shop", async () => {
    const callback = await authorizeThroughPages({ origin: sim.origin, shop: SHOP });
    const code = callback.searchParams.get("code") ?? "";
    const wrongSecret = await post({ ...credentials, client_secret: "nope", code });
    expect(wrongSecret.status).toBe(401);
    const otherShop = await fetch(
      `${sim.origin}/shops/other-shop.myshopify.com/admin/oauth/access_token`,
      {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ ...credentials, code }),
      },
    );
    expect(otherShop.status).toBe(400);
  });

  it("expires codes after 10 minutes", async () => {
    const callback = await authorizeThroughPages({ origin: sim.origin, shop: SHOP });
    clock += 601_000;
    const response = await post({ ...credentials, code: callback.searchParams.get("code") });
    expect(response.status).toBe(400);
  });

  it("rotates refresh tokens: the old one dies once the new access token is used", async () => {
    const installed = await installApp({ origin: sim.origin, shop: SHOP });
    expect(installed.expiresIn).toBe(3600);
    expect(installed.refreshTokenExpiresIn).toBe(90 * 24 * 3600);
    const refresh = (refreshToken: string | undefined) =>
      post({ ...credentials, grant_type: "refresh_token", refresh_token: refreshToken });

    const first = await refresh(installed.refreshToken);
    expect(first.status).toBe(200);
    const pair = (await first.json()) as { access_token: string; refresh_token: string };
    expect(pair.refresh_token).toMatch(/^shprt_/);

    // Not used yet: the old refresh token still works (crash-recovery window).
    const retry = await refresh(installed.refreshToken);
    expect(retry.status).toBe(200);
    const newest = (await retry.json()) as { access_token: string };

    // Using the new access token retires the old refresh token.
    const used = await adminGraphql(sim.origin, SHOP, newest.access_token, SHOP_QUERY);
    expect(used.status).toBe(200);
    const stale = await refresh(installed.refreshToken);
    expect(stale.status).toBe(400);
    expect(await stale.json()).toMatchObject({ error: "invalid_grant" });

    const unknown = await refresh("shprt_doesnotexist");
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: "invalid_grant" });

    const state = await control<{ refreshCount: number }>(sim.origin, `/shops/${SHOP}`);
    expect(state.body.refreshCount).toBe(2);
  });

  it("expired access tokens get the 401 and a refresh brings access back", async () => {
    const installed = await installApp({ origin: sim.origin, shop: SHOP });
    clock += 3601_000;
    const expired = await adminGraphql(sim.origin, SHOP, installed.accessToken, SHOP_QUERY);
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({
      errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
    });
    const refreshed = await post({
      ...credentials,
      grant_type: "refresh_token",
      refresh_token: installed.refreshToken,
    });
    const { access_token } = (await refreshed.json()) as { access_token: string };
    expect((await adminGraphql(sim.origin, SHOP, access_token, SHOP_QUERY)).status).toBe(200);
  });
});
