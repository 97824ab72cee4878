/**
 * One of the numbering case's client processes (run with `node --import tsx` and the server-only hook):
 * finalises the given concepts all at once, starting at an agreed moment so the
 * processes really race, and writes what happened to a JSON file.
 *
 *   finalise-client.ts <organisation id> <start epoch ms> <result file> <id>...
 */
import { writeFileSync } from "node:fs";
import { openPostgres } from "@/db/client";
import { tenant } from "@/db/tenant";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { systemClock } from "@/lib/calendar/clock";

const [organisationId, startAt, resultFile, ...ids] = process.argv.slice(2);
if (!organisationId || !startAt || !resultFile || !process.env.DATABASE_URL)
  throw new Error("usage: finalise-client.ts <organisation> <start ms> <result file> <id>...");

const handle = await openPostgres(process.env.DATABASE_URL);
const t = tenant(organisationId);
await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
const results = await Promise.allSettled(
  ids.map((id) => finaliseDocument(handle.db, t, { documentId: id }, systemClock)),
);
writeFileSync(
  resultFile,
  JSON.stringify(
    results.map((r) =>
      r.status === "fulfilled"
        ? { ok: true, sequence: r.value.sequence, number: r.value.number }
        : { ok: false, error: String(r.reason) },
    ),
  ),
);
await handle.close();
