import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HttpError, sendJson } from "./http";

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export interface RunningStandIn {
  port: number;
  /** `http://localhost:<port>` */
  origin: string;
  close(): Promise<void>;
}

/**
 * A payment provider stand-in's HTTP server (the Mollie and Bancontact stand-ins):
 * errors thrown as HttpError become their JSON body, anything else a 500.
 */
export async function listen(port: number, route: Route): Promise<RunningStandIn> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    route(req, res, url).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError)
        return sendJson(res, error.status, error.body ?? { error: error.message });
      sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    });
  });
  // Keep-alive sockets from test clients must not hold close() open.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    origin: `http://localhost:${actual}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Posts a provider's notification to the app; returns the HTTP status (0 when unreachable). */
export async function notify(
  url: string,
  init: { body: string; contentType: string; headers?: Record<string, string> },
): Promise<number> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": init.contentType, ...init.headers },
      body: init.body,
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Runs a stand-in's main until SIGTERM/SIGINT. */
export function runUntilSignal(name: string, running: RunningStandIn): void {
  console.log(`${name} on ${running.origin}`);
  const stop = () => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
