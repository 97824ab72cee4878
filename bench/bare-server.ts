/**
 * The practical ceiling for webhook intake on this machine: a bare Node HTTP server
 * that only verifies the HMAC and inserts one row, nothing else (no framework, no
 * lookup, no queue). Run as its own process by the bench, at the same load as the app:
 *   BARE_PORT=… DATABASE_URL=… BARE_SECRET=… tsx bench/bare-server.ts
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";

const port = Number(process.env.BARE_PORT);
const secret = process.env.BARE_SECRET ?? "";
// The same pool size as the app (db/client.ts), so the comparison is about the work done.
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
});

await pool.query(`create table if not exists bench_bare_delivery (
  webhook_id text primary key, shop text not null, topic text not null,
  body text not null, received_at timestamptz not null default now())`);

function signatureMatches(body: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(header, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    if (req.method === "GET") {
      res.writeHead(200).end("ok"); // readiness check
      return;
    }
    const body = Buffer.concat(chunks);
    if (!signatureMatches(body, req.headers["x-shopify-hmac-sha256"] as string | undefined)) {
      res.writeHead(401).end();
      return;
    }
    pool
      .query(
        "insert into bench_bare_delivery (webhook_id, shop, topic, body) values ($1, $2, $3, $4) on conflict do nothing",
        [
          req.headers["x-shopify-webhook-id"],
          req.headers["x-shopify-shop-domain"],
          req.headers["x-shopify-topic"],
          body.toString("utf8"),
        ],
      )
      .then(
        () => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'),
        () => res.writeHead(503).end(),
      );
  });
});

server.listen(port, "127.0.0.1", () => console.log(`bare server on ${port}`));
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
