import { sql } from "drizzle-orm";
import type { Db } from "@/db";
import { listDocuments, type DocumentFilters } from "@/db/queries/documents";
import type { Tenant } from "@/db/tenant";
import type { Figure } from "./report";
import { percentile, round, timeRepeatedly } from "./stats";

/**
 * The document list with a big organisation: `count` documents seeded in one
 * INSERT … SELECT (seconds, not minutes), then the first page and a filtered
 * search timed in the query function itself (server time) and over HTTP.
 */
const SURNAMES = [
  "Dubois",
  "Peeters",
  "Janssens",
  "Maes",
  "Jacobs",
  "Mertens",
  "Willems",
  "Claes",
  "Goossens",
  "Wouters",
  "De Smet",
  "Lambert",
  "Dupont",
  "Martin",
  "Simon",
  "Laurent",
  "Leroy",
  "Vermeulen",
  "Van Damme",
  "Hermans",
];

export async function seedDocuments(db: Db, t: Tenant, count: number): Promise<void> {
  const names = sql.raw(`array[${SURNAMES.map((n) => `'${n.replace(/'/g, "''")}'`).join(",")}]`);
  // Four in five documents are issued (numbered, frozen customer), one in five is a concept;
  // created every 3 minutes going back in time, as a busy shop's history would be.
  await db.execute(sql`
    insert into document (organisation_id, type, status, number, sequence, period_key, customer,
      language, issue_date, currency, source, source_id, source_name, total_net_cents,
      total_vat_cents, total_cents, public_token, created_at, updated_at)
    select ${t.organisationId}::uuid,
      (array['invoice','invoice','invoice','order_form','delivery_note'])[1 + i % 5],
      case when i % 5 = 4 then 'concept' when i % 7 = 0 then 'paid' else 'sent' end,
      case when i % 5 = 4 then null else 'B' || lpad(i::text, 7, '0') end,
      case when i % 5 = 4 then null else i end,
      case when i % 5 = 4 then null else '2026' end,
      jsonb_build_object('name', (${names})[1 + i % ${SURNAMES.length}] || ' ' || (i % 997),
        'company', null, 'vatNumber', null, 'email', 'buyer' || i || '@example.be',
        'billing', jsonb_build_object('street', 'Rue ' || i, 'postalCode', '1000',
          'city', 'Bruxelles', 'country', 'BE'), 'delivery', null),
      'fr', (now() - i * interval '3 minutes')::date, 'EUR', 'shopify', (9000000 + i)::text,
      '#' || (9000000 + i), 1000 + i % 9000, 210 + i % 1890, 1210 + i % 10890,
      md5(i::text || random()::text), now() - i * interval '3 minutes', now()
    from generate_series(1, ${count}) as i`);
  await db.execute(sql`analyze document`);
}

/** The first page, and a search the way a merchant types one (type, status and a name). */
export const LIST_CASES: { label: string; filters: DocumentFilters; query: string }[] = [
  { label: "first page", filters: {}, query: "" },
  {
    label: "filtered search",
    filters: { type: "invoice", status: "sent", search: "Peeters" },
    query: "type=invoice&status=sent&q=Peeters",
  },
];

export async function measureListQuery(
  engine: Figure["engine"],
  db: Db,
  t: Tenant,
  count: number,
  runs: number,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const c of LIST_CASES) {
    let rows = 0;
    const samples = await timeRepeatedly(async () => {
      rows = (await listDocuments(db, t, c.filters, null)).rows.length;
    }, runs);
    figures.push({
      engine,
      measure: `document list (${count} docs)`,
      name: `${c.label}, query p95`,
      value: round(percentile(samples, 95)),
      unit: "ms",
      target: { op: "<", value: 150 },
      note: `${rows} rows; median ${round(percentile(samples, 50))} ms`,
    });
  }
  return figures;
}

export async function measureListHttp(
  engine: Figure["engine"],
  server: { origin: string; apiKey: string },
  count: number,
  runs: number,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const c of LIST_CASES) {
    const url = `${server.origin}/api/v1/documents?${c.query}`;
    const samples = await timeRepeatedly(async () => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${server.apiKey}` } });
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      await response.arrayBuffer();
    }, runs);
    figures.push({
      engine,
      measure: `document list (${count} docs)`,
      name: `${c.label}, GET /api/v1/documents p95`,
      value: round(percentile(samples, 95)),
      unit: "ms",
      target: { op: "<", value: 150 },
      note: `median ${round(percentile(samples, 50))} ms, loopback`,
    });
  }
  return figures;
}
