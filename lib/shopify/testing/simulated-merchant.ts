import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Tenant } from "@/db/tenant";
import { BROWSER_USER_AGENT } from "@/e2e/support/constants";
import { beginInstall } from "../connection/begin-install";
import { completeInstall } from "../connection/complete-install";

/**
 * The merchant's browser in integration tests: follows the consent URL on the
 * simulator, logs in, clicks Install (or Cancel) and returns where Shopify sends
 * the browser back, i.e. the signed callback URL.
 */
export async function approveOnSimulator(
  consentUrl: string,
  decision: "install" | "cancel" = "install",
): Promise<string> {
  const authorize = new URL(consentUrl);
  const shopAdmin = authorize.pathname.replace(/\/oauth\/authorize$/, "");
  const loginPage = await fetch(authorize, { headers: { "user-agent": BROWSER_USER_AGENT } });
  if (!loginPage.ok) throw new Error(`Authorize page answered ${loginPage.status}`);
  const login = await fetch(new URL(`${shopAdmin}/auth/login`, authorize), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      email: "owner@example.be",
      password: "any",
      return_to: `${authorize.pathname}${authorize.search}`,
    }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const decisionForm = new URLSearchParams({
    client_id: authorize.searchParams.get("client_id") ?? "",
    scope: authorize.searchParams.get("scope") ?? "",
    redirect_uri: authorize.searchParams.get("redirect_uri") ?? "",
    state: authorize.searchParams.get("state") ?? "",
    "grant_options[]": authorize.searchParams.get("grant_options[]") ?? "",
    decision,
  });
  const answer = await fetch(new URL(`${shopAdmin}/oauth/install`, authorize), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: decisionForm,
  });
  const location = answer.headers.get("location");
  if (answer.status !== 302 || !location) throw new Error(`Consent answered ${answer.status}`);
  return location;
}

/** The callback request the browser makes, carrying the state cookies the install step set. */
export function callbackRequest(callbackUrl: string, setCookies: string[]): Request {
  return new Request(callbackUrl, {
    headers: {
      "user-agent": BROWSER_USER_AGENT,
      cookie: setCookies.map((c) => c.split(";")[0]).join("; "),
    },
  });
}

/** A local HTTP endpoint standing in for Facturo's webhook route, for the simulator to call. */
export async function startWebhookReceiver(
  handle: (request: Request) => Promise<{ status: number }>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      const request = new Request(`http://localhost${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: Buffer.concat(chunks),
      });
      handle(request).then(
        (result) => res.writeHead(result.status).end(),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/api/shopify/webhooks`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Installs the app on a simulated shop for this organisation, through the real OAuth code. */
export async function installOnSimulator(
  deps: Parameters<typeof completeInstall>[0],
  t: Tenant,
  shop: string,
): Promise<string> {
  const request = new Request(`http://localhost:3000/api/shopify/install?shop=${shop}`, {
    headers: { "user-agent": BROWSER_USER_AGENT },
  });
  const begun = await beginInstall(deps, t, request, shop);
  if (!begun.ok) throw new Error(`Install refused: ${begun.error}`);
  const callbackUrl = await approveOnSimulator(begun.location);
  const completed = await completeInstall(deps, t, callbackRequest(callbackUrl, begun.setCookies), {
    alreadyRestarted: false,
  });
  if (completed.kind !== "connected") throw new Error(`Install failed: ${completed.kind}`);
  return completed.connectionId;
}
