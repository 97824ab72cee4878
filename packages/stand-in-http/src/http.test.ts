import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  HttpError,
  listen,
  MAX_BODY_BYTES,
  notify,
  parseCookies,
  parseForm,
  parseJsonBody,
  parseJsonOrForm,
  readBody,
  redirect,
  sendHtml,
  sendJson,
  type RunningStandIn,
} from "./index";

/**
 * The plumbing the stand-ins share, exercised over real HTTP: one server whose routes each
 * use one helper, and what a client receives.
 */

let server: RunningStandIn;
let notified: { contentType?: string; custom?: string; body: string }[] = [];

beforeAll(async () => {
  server = await listen(0, async (req, res, url) => {
    switch (url.pathname) {
      case "/echo-json":
        return sendJson(res, 201, { got: parseJsonBody(await readBody(req)) }, { "X-Extra": "1" });
      case "/echo-either":
        return sendJson(res, 200, { got: parseJsonOrForm(req, await readBody(req)) });
      case "/small":
        return sendJson(res, 200, { bytes: (await readBody(req, 10)).length });
      case "/html":
        return sendHtml(res, 200, "<p>é</p>", { "Set-Cookie": ["a=1", "b=2"] });
      case "/go":
        return redirect(res, "/elsewhere", 303, { "Set-Cookie": "s=1" });
      case "/refuse":
        throw new HttpError(409, "Taken");
      case "/refuse-shaped":
        throw new HttpError(422, "Bad", [{ source: "x", details: "is bad" }]);
      case "/crash":
        throw new Error("boom");
      case "/hook": {
        const body = (await readBody(req)).toString("utf8");
        notified.push({
          contentType: req.headers["content-type"],
          custom: req.headers["x-custom"] as string | undefined,
          body,
        });
        res.writeHead(202).end();
        return;
      }
      default:
        throw new HttpError(404, `Not found: ${url.pathname}`);
    }
  });
});
afterAll(() => server.close());

const post = (path: string, body: string, contentType = "application/json") =>
  fetch(`${server.origin}${path}`, {
    method: "POST",
    headers: { "Content-Type": contentType },
    body,
  });

describe("listen", () => {
  it("listens on a random port at localhost and reports it", () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.origin).toBe(`http://localhost:${server.port}`);
  });

  it("turns an HttpError into its status and { error }, or its exact body", async () => {
    const refused = await fetch(`${server.origin}/refuse`);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: "Taken" });
    const shaped = await fetch(`${server.origin}/refuse-shaped`);
    expect(shaped.status).toBe(422);
    expect(await shaped.json()).toEqual([{ source: "x", details: "is bad" }]);
  });

  it("turns any other error into a 500 with its message, and keeps serving", async () => {
    const crash = await fetch(`${server.origin}/crash`);
    expect(crash.status).toBe(500);
    expect(await crash.json()).toEqual({ error: "boom" });
    expect((await fetch(`${server.origin}/nothing`)).status).toBe(404);
  });

  it("refuses a port already taken, and closes so the port is free again", async () => {
    const other = await listen(0, async (_req, res) => sendJson(res, 200, {}));
    await expect(listen(other.port, async () => undefined)).rejects.toThrow(/EADDRINUSE/);
    await other.close();
    const again = await listen(other.port, async (_req, res) => sendJson(res, 200, { ok: 1 }));
    expect(await (await fetch(again.origin)).json()).toEqual({ ok: 1 });
    await again.close();
  });
});

describe("bodies", () => {
  it("parses JSON, and an empty body as {}", async () => {
    const answer = await post("/echo-json", '{"a":[1,2]}');
    expect(answer.status).toBe(201);
    expect(answer.headers.get("x-extra")).toBe("1");
    expect(await answer.json()).toEqual({ got: { a: [1, 2] } });
    expect(await (await post("/echo-json", "  ")).json()).toEqual({ got: {} });
  });

  it("refuses a body that is not JSON with 400", async () => {
    const bad = await post("/echo-json", "{nope");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "Request body is not valid JSON" });
  });

  it("reads a form or JSON by Content-Type", async () => {
    const form = await post("/echo-either", "id=tr_1&x=a%20b", "application/x-www-form-urlencoded");
    expect(await form.json()).toEqual({ got: { id: "tr_1", x: "a b" } });
    const json = await post("/echo-either", '{"id":"tr_2"}');
    expect(await json.json()).toEqual({ got: { id: "tr_2" } });
  });

  it("refuses a body over the limit with 413, declared or streamed", async () => {
    expect((await post("/small", "0123456789")).status).toBe(200);
    const declared = await post("/small", "01234567890");
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ error: "Request body larger than 10 bytes" });
    const streamed = await fetch(`${server.origin}/small`, {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode("0123456789"));
          controller.enqueue(new TextEncoder().encode("0123456789"));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(MAX_BODY_BYTES).toBe(5 * 1024 * 1024);
  });

  it("parses forms", () => {
    expect(parseForm(Buffer.from("a=1&b=%C3%A9&a=2"))).toEqual({ a: "2", b: "é" });
    expect(parseForm(Buffer.from(""))).toEqual({});
  });
});

describe("answers", () => {
  it("sends HTML in UTF-8 with its byte length, not cached, with repeated headers", async () => {
    const page = await fetch(`${server.origin}/html`);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.headers.get("content-length")).toBe(String(Buffer.byteLength("<p>é</p>")));
    expect(page.headers.get("cache-control")).toBe("no-store");
    expect(page.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect(await page.text()).toBe("<p>é</p>");
  });

  it("sends JSON pretty-printed, not cached", async () => {
    const answer = await post("/echo-json", '{"a":1}');
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(await answer.text()).toBe(JSON.stringify({ got: { a: 1 } }, null, 2));
  });

  it("redirects with the status and headers asked for", async () => {
    const moved = await fetch(`${server.origin}/go`, { redirect: "manual" });
    expect(moved.status).toBe(303);
    expect(moved.headers.get("location")).toBe("/elsewhere");
    expect(moved.headers.get("set-cookie")).toBe("s=1");
  });
});

describe("parseCookies", () => {
  it("reads name=value pairs, decoding values, keeping a value that does not decode", () => {
    const cookies = parseCookies("a=1; session=x%20y; bad=%E0%A4%A; =skipped; flag");
    expect([...cookies]).toEqual([
      ["a", "1"],
      ["session", "x y"],
      ["bad", "%E0%A4%A"],
    ]);
    expect(parseCookies(undefined).size).toBe(0);
  });
});

describe("notify", () => {
  it("POSTs the body with its content type and headers, and answers the status", async () => {
    notified = [];
    const status = await notify(`${server.origin}/hook`, {
      body: "id=tr_1",
      contentType: "application/x-www-form-urlencoded",
      headers: { "X-Custom": "yes" },
    });
    expect(status).toBe(202);
    expect(notified).toEqual([
      { contentType: "application/x-www-form-urlencoded", custom: "yes", body: "id=tr_1" },
    ]);
    expect(await notify(`${server.origin}/refuse`, { body: "", contentType: "text/plain" })).toBe(
      409,
    );
  });

  it("answers 0 when nobody listens", async () => {
    const closed = await listen(0, async () => undefined);
    const url = closed.origin;
    await closed.close();
    expect(await notify(url, { body: "{}", contentType: "application/json" })).toBe(0);
  });
});
