import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAdminGraphql } from "./admin-graphql";
import { signedAppUrl } from "./app-url";
import { resolveConfig, type SimulatorOptions } from "./config";
import { handleControl } from "./control-api";
import {
  HttpError,
  parseForm,
  parseJsonBody,
  readBody,
  redirect,
  sendHtml,
  sendJson,
} from "@facturo/stand-in-http";
import { handleAccessToken, handleAuthorize, handleInstallDecision, handleLogin } from "./oauth";
import { errorPage, indexPage } from "./pages";
import { handleShopAdminForm, showShopAdmin } from "./shop-admin";
import { Simulator } from "./simulator";
import type { SimulatorState } from "./state";
import { authenticate } from "./tokens";

/**
 * The HTTP front door. URL layout (the contract with the app, which rewrites
 * `https://{shop}/<path>` to `${origin}/shops/{shop}/<path>`):
 *   /shops/{shop}/admin/oauth/authorize        GET   login + consent pages
 *   /shops/{shop}/admin/oauth/access_token     POST  code / refresh-token exchange
 *   /shops/{shop}/admin/api/{version}/graphql.json POST  Admin GraphQL API
 *   /shops/{shop}/admin                        GET   simulated shop admin
 *   /control/…                                 JSON control API for tests
 */

const INVALID_TOKEN = {
  errors: "[API] Invalid API key or access token (unrecognized login or wrong password)",
};

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export function createHandler(sim: Simulator): Handler {
  return async (req, res, url) => {
    const method = req.method ?? "GET";
    const path = url.pathname;

    if (path === "/" && method === "GET") {
      sendHtml(res, 200, indexPage(sim.config, [...sim.state.shops.values()]));
      return;
    }
    if (path === "/go" && method === "GET") {
      const handle = (url.searchParams.get("handle") ?? "").trim().toLowerCase();
      const domain = handle.endsWith(".myshopify.com") ? handle : `${handle}.myshopify.com`;
      redirect(res, `/shops/${encodeURIComponent(domain)}/admin`, 303);
      return;
    }
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    if (path === "/control" || path.startsWith("/control/")) {
      const result = await handleControl(sim, method, path, async () =>
        parseJsonBody(await readBody(req)),
      );
      if (!result) throw new HttpError(404, `No control route ${method} ${path}`);
      sendJson(res, result.status, result.body);
      return;
    }

    const match = /^\/shops\/([^/]+)(\/.*)?$/.exec(path);
    if (!match) throw new HttpError(404, `Not found: ${path}`);
    const shop = sim.shop(decodeURIComponent(match[1] ?? ""));
    const rest = match[2] ?? "/";

    if (rest === "/admin/oauth/authorize" && method === "GET") {
      handleAuthorize(sim, req, res, shop, url);
      return;
    }
    if (rest === "/admin/oauth/install" && method === "POST") {
      handleInstallDecision(sim, req, res, shop, parseForm(await readBody(req)));
      return;
    }
    if (rest === "/admin/auth/login" && method === "POST") {
      handleLogin(sim, res, shop, parseForm(await readBody(req)));
      return;
    }
    if (rest === "/admin/oauth/access_token" && method === "POST") {
      handleAccessToken(sim, req, res, shop, await readBody(req));
      return;
    }
    const graphql = /^\/admin\/api\/([0-9]{4}-[0-9]{2}|unstable)\/graphql\.json$/.exec(rest);
    if (graphql && method === "POST") {
      const header = req.headers["x-shopify-access-token"];
      const token = authenticate(
        sim.state,
        sim.config,
        shop.domain,
        Array.isArray(header) ? header[0] : header,
      );
      if (!token) {
        sendJson(res, 401, INVALID_TOKEN);
        return;
      }
      const body = await readBody(req);
      const contentType = req.headers["content-type"] ?? "";
      const input = contentType.includes("application/graphql")
        ? body.toString("utf8")
        : parseJsonBody(body);
      const apiVersion = graphql[1] ?? sim.config.defaultApiVersion;
      const result = handleAdminGraphql(
        { state: sim.state, config: sim.config, shop, token, apiVersion },
        input,
      );
      sendJson(res, result.status, result.body, {
        "X-Shopify-API-Version": apiVersion,
        ...result.headers,
      });
      return;
    }
    if ((rest === "/admin/app-store/install" || rest === "/admin/apps/open") && method === "GET") {
      // The same request either way: Shopify opens the App URL; the app decides.
      redirect(res, signedAppUrl(sim.config, shop), 302);
      return;
    }
    if (rest === "/admin" && method === "GET") {
      await showShopAdmin(sim, res, shop, url);
      return;
    }
    if (rest.startsWith("/admin/sim/") && method === "POST") {
      const parts = rest
        .slice("/admin/sim/".length)
        .split("/")
        .filter(Boolean)
        .map(decodeURIComponent);
      await handleShopAdminForm(sim, req, res, shop, parts);
      return;
    }
    throw new HttpError(404, `Not found: ${method} ${path}`);
  };
}

/** Pages get HTML errors, APIs JSON ones. */
function wantsHtml(path: string): boolean {
  return !(path.startsWith("/control") || /\/admin\/(api\/|oauth\/access_token)/.test(path));
}

function sendError(res: ServerResponse, path: string, error: unknown, sim: Simulator): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  if (error instanceof HttpError) {
    if (wantsHtml(path)) {
      const title = error.status === 404 ? "Not found" : "Something went wrong";
      sendHtml(res, error.status, errorPage(error.status, title, error.message));
    } else {
      sendJson(res, error.status, error.body ?? { error: error.message });
    }
    return;
  }
  sim.config.log(
    `internal error on ${path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  if (wantsHtml(path))
    sendHtml(res, 500, errorPage(500, "Internal error", "See the simulator log."));
  else sendJson(res, 500, { error: "Internal simulator error" });
}

export interface RunningSimulator {
  /** `http://127.0.0.1:<port>`: what the app uses as SIMULATOR_ORIGIN. */
  origin: string;
  port: number;
  /** The live in-memory state (shops, tokens, deliveries) for assertions. */
  state: SimulatorState;
  simulator: Simulator;
  close(): Promise<void>;
}

/** Starts a simulator; `port: 0` picks a free port. */
export async function startShopifySimulator(
  options: SimulatorOptions = {},
): Promise<RunningSimulator> {
  const config = resolveConfig(options);
  const sim = new Simulator(config);
  const handle = createHandler(sim);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    handle(req, res, url).catch((error: unknown) => sendError(res, url.pathname, error, sim));
  });
  // Keep-alive sockets from test clients must not hold close() open.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  return {
    origin: `http://${host === "0.0.0.0" || host === "[::]" ? "127.0.0.1" : host}:${port}`,
    port,
    state: sim.state,
    simulator: sim,
    close: async () => {
      sim.stopTimers();
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
