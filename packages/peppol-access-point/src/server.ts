import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { HttpError, parseJsonBody, readBody, sendJson } from "@facturo/stand-in-http";
import { handleApi } from "./api-routes";
import { AccessPointState } from "./state";

export interface AccessPointOptions {
  port?: number;
  /** The API key Facturo must send; unset: any. */
  apiKey?: string;
  /** Participants on the network from the start, as `0208:0403170701`. */
  participants?: readonly string[];
  deliveryDelayMs?: number;
}

export interface RunningAccessPoint {
  port: number;
  /** The API base URL to configure as PEPPOL_AP_URL. */
  apiUrl: string;
  origin: string;
  state: AccessPointState;
  close(): Promise<void>;
}

/** Buyers in the Shopify fixtures that are on the network from the start. */
export const DEFAULT_PARTICIPANTS = ["0208:0403170701"];

/**
 * A local stand-in for the Storecove access point (README.md): the API subset under
 * /api/v2, and /control/* for tests to change who is on the network or who refuses.
 */
export async function startPeppolAccessPoint(
  options: AccessPointOptions = {},
): Promise<RunningAccessPoint> {
  const state = new AccessPointState(options.participants ?? DEFAULT_PARTICIPANTS);
  const apiOptions = { apiKey: options.apiKey, deliveryDelayMs: options.deliveryDelayMs ?? 300 };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const route = url.pathname.startsWith("/api/v2/")
      ? handleApi(req, res, url.pathname.slice("/api/v2".length), state, apiOptions)
      : handleControl(req.method ?? "GET", url.pathname, state, req).then((answer) =>
          sendJson(res, 200, answer),
        );
    route.catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError) {
        return sendJson(res, error.status, error.body ?? { error: error.message });
      }
      sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "localhost", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://localhost:${port}`;
  return {
    port,
    origin,
    apiUrl: `${origin}/api/v2`,
    state,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Test controls: register a participant, make a receiver refuse, read what arrived. */
async function handleControl(
  method: string,
  path: string,
  state: AccessPointState,
  req: import("node:http").IncomingMessage,
): Promise<unknown> {
  if (method === "GET" && path === "/control/health") return { ok: true };
  if (method === "GET" && path === "/control/submissions") {
    return state.submissions.map(({ xml, ...rest }) => ({ ...rest, bytes: xml.length }));
  }
  const body =
    method === "POST" ? (parseJsonBody(await readBody(req)) as Record<string, unknown>) : {};
  const participant = typeof body.participant === "string" ? body.participant : "";
  if (method === "POST" && (path === "/control/participants" || path === "/control/rejections")) {
    if (!/^\d{4}:\S+$/.test(participant)) {
      throw new HttpError(400, "participant must look like 0208:0123456749");
    }
    if (path === "/control/participants") state.participants.add(participant);
    else {
      state.participants.add(participant);
      const reason = typeof body.reason === "string" && body.reason ? body.reason : "Rejected";
      state.rejections.set(participant, reason);
    }
    return { ok: true };
  }
  throw new HttpError(404, `No route for ${method} ${path}`);
}
