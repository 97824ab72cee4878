import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConcept } from "@/lib/documents/create-concept";
import { concept, line } from "@/db/testing/document-factory";
import { fixedClock } from "@/lib/calendar/clock";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { seedConcept, seedCustomer } from "./support/documents";
import { eventually } from "./support/checks";
import { seedMerchant, type Merchant } from "./support/seed";
import { actionRef, callAction } from "./support/server-action";
import { APP_URL, startStack, type Stack } from "./support/stack";
import { recordFaults } from "./support/tally";

/**
 * An issued invoice and its stored original cannot be changed: not in SQL (the
 * triggers of migration 0016 refuse, whoever writes), not through any route or action
 * its own merchant can use. Everything that serves its PDF or UBL serves the stored
 * bytes (their SHA-256 is the stored one), even after the company changed its address
 * and the invoice was paid, and nothing answers 5xx.
 */
const SUITE = "issued immutable";

let stack: Stack;
let a: Merchant;
let invoiceId: string;
/** Issued in January, due since: the merchant can send it a reminder. */
let overdueId: string;
let token: string;
let number: string;

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  stack = await startStack("issued_immutable", { workers: 1 });
  a = await seedMerchant(stack.handle.db, { label: "Issued" });
  const customerId = await seedCustomer(stack.handle.db, a, `buyer-${randomUUID()}@example.be`);
  invoiceId = await seedConcept(stack.handle.db, a, customerId);
  // Sent the way the merchant sends: the action numbers it, the worker renders and emails.
  const sent = await callAction(
    actionRef("app/(dashboard)/documents/actions.ts#sendDocuments"),
    [[invoiceId]],
    a.cookie,
  );
  expect(sent.status).toBe(200);
  await eventually(
    "the PDF and UBL originals stored by the worker",
    async () => (await originals()).length === 2,
    90_000,
  );
  overdueId = await createConcept(
    stack.handle.db,
    a.t,
    concept({ customerId, dueDate: "2026-01-31", lines: [line()] }),
  );
  await finaliseDocument(
    stack.handle.db,
    a.t,
    { documentId: overdueId },
    fixedClock(new Date("2026-01-02T12:00:00Z")),
  );
  const row = (await documentRow()) as { number: string; public_token: string };
  number = row.number;
  token = row.public_token;
});

afterAll(async () => {
  await stack?.stopAll();
});

async function documentRow() {
  const { rows } = await stack.handle.executeSql(`select * from document where id = $1`, [
    invoiceId,
  ]);
  return rows[0] as Record<string, unknown>;
}

/** What the invoice says, and its lines: everything but what may change after issue. */
async function legalContent() {
  const { rows } = await stack.handle.executeSql(
    `select md5((to_jsonb(d) - array['status', 'paid_cents', 'updated_at'])::text) as document,
            (select md5(coalesce(string_agg(l::text, '|' order by l.position), ''))
               from document_line l where l.document_id = d.id) as lines
     from document d where d.id = $1`,
    [invoiceId],
  );
  return rows[0] as { document: string; lines: string };
}

/** The stored originals: their recorded SHA-256 and the SHA-256 of the bytes as they are now. */
async function originals() {
  const { rows } = await stack.handle.executeSql(
    `select key, sha256, encode(sha256(bytes), 'hex') as actual, created_at::text as created
     from document_original where document_id = $1 order by key`,
    [invoiceId],
  );
  return rows as { key: string; sha256: string; actual: string; created: string }[];
}

async function storedSha(key: "pdf" | "ubl") {
  const found = (await originals()).find((o) => o.key === key);
  if (!found) throw new Error(`no ${key} original`);
  return found.sha256;
}

async function get(pathname: string, auth: { cookie?: string; apiKey?: string } = {}) {
  const response = await fetch(`${APP_URL}${pathname}`, {
    redirect: "manual",
    headers: {
      ...(auth.cookie ? { cookie: auth.cookie } : {}),
      ...(auth.apiKey ? { authorization: `Bearer ${auth.apiKey}` } : {}),
    },
  });
  const body = Buffer.from(await response.arrayBuffer());
  recordFaults(SUITE, { tried: 1, serverErrors: response.status >= 500 ? 1 : 0 });
  return { status: response.status, body };
}

describe("an issued invoice in SQL", () => {
  const attempts = [
    `UPDATE document SET total_cents = total_cents + 100 WHERE id = $1`,
    `UPDATE document SET number = number || '-bis' WHERE id = $1`,
    `UPDATE document SET issue_date = issue_date - 30 WHERE id = $1`,
    `UPDATE document SET due_date = due_date + 30 WHERE id = $1`,
    `UPDATE document SET customer = jsonb_set(customer, '{name}', '"Someone Else"') WHERE id = $1`,
    `UPDATE document SET seller = jsonb_set(seller, '{iban}', '"BE71096123456769"') WHERE id = $1`,
    `UPDATE document SET vat_breakdown = '[]'::jsonb WHERE id = $1`,
    `UPDATE document SET status = 'concept', number = NULL, finalised_at = NULL WHERE id = $1`,
    `UPDATE document SET status = 'cancelled' WHERE id = $1`,
    `DELETE FROM document WHERE id = $1`,
    `UPDATE document_line SET unit_price_cents = 1 WHERE document_id = $1`,
    `DELETE FROM document_line WHERE document_id = $1`,
    `INSERT INTO document_line (organisation_id, document_id, position, description, quantity,
       unit_price_cents, price_mode, vat_category, vat_rate_bp)
     SELECT organisation_id, id, 99, 'Extra', '1', 100, 'excl', 'S', 2100 FROM document WHERE id = $1`,
    `UPDATE document_original SET bytes = convert_to('%PDF-1.7 forged', 'UTF8') WHERE document_id = $1`,
    `UPDATE document_original SET created_at = now() - interval '1 day' WHERE document_id = $1`,
    `DELETE FROM document_original WHERE document_id = $1`,
    `DELETE FROM organisation WHERE id = (SELECT organisation_id FROM document WHERE id = $1)`,
  ];

  it("refuses every change of its content, lines and originals (SQLSTATE FCT01)", async () => {
    const before = { legal: await legalContent(), originals: await originals() };
    const outcomes: { sql: string; code: string | null }[] = [];
    for (const text of attempts) {
      const code = await stack.handle.executeSql(text, [invoiceId]).then(
        () => null,
        (error: { code?: string }) => error.code ?? "error",
      );
      outcomes.push({ sql: text.split(" WHERE")[0] ?? text, code });
    }
    for (const table of ["document_original", "document_line", "document"]) {
      const code = await stack.handle.executeSql(`TRUNCATE ${table} CASCADE`).then(
        () => null,
        (error: { code?: string }) => error.code ?? "error",
      );
      outcomes.push({ sql: `TRUNCATE ${table}`, code });
    }
    // A second "original" under the same key is refused too (one per key, first wins).
    const forged = await stack.handle
      .executeSql(
        `INSERT INTO document_original (organisation_id, document_id, kind, key, content_type, bytes)
         SELECT organisation_id, id, 'pdf', 'pdf', 'application/pdf', convert_to('%PDF forged', 'UTF8')
         FROM document WHERE id = $1`,
        [invoiceId],
      )
      .then(
        () => null,
        (error: { code?: string }) => error.code ?? "error",
      );
    outcomes.push({ sql: "INSERT a second pdf original", code: forged });
    recordFaults(SUITE, { tried: outcomes.length });
    expect(outcomes.filter((o) => o.sql.startsWith("INSERT a second")).map((o) => o.code)).toEqual([
      "23505",
    ]);
    expect(outcomes.filter((o) => o.code !== "FCT01" && o.code !== "23505")).toEqual([]);
    expect(await legalContent()).toEqual(before.legal);
    expect(await originals()).toEqual(before.originals);
    for (const original of await originals()) expect(original.actual).toBe(original.sha256);
  });
});

describe("an issued invoice through the app", () => {
  it("no action changes what it says, and every PDF and UBL served is the stored original", async () => {
    const before = { legal: await legalContent(), originals: await originals() };
    const pdfSha = await storedSha("pdf");
    const ublSha = await storedSha("ubl");
    // What a new rendering would change: the company moved.
    await stack.handle.executeSql(
      `UPDATE organisation SET street = 'Nieuwe Straat 99', city = 'Leuven' WHERE id = $1`,
      [a.organisationId],
    );
    const conceptInput = {
      type: "invoice",
      customerId: null,
      language: "fr",
      issueDate: "2026-11-29",
      dueDate: "",
      legend: "Rewritten",
      lines: [
        {
          description: "Rewritten",
          sku: "",
          quantity: "1",
          unitPrice: "1.00",
          priceMode: "excl",
          discountPercent: "0",
          vatCategory: "S",
          vatRateBp: 2100,
        },
      ],
    };
    const today = new Date().toISOString().slice(0, 10);
    const calls: [string, unknown[]][] = [
      ["app/(dashboard)/documents/actions.ts#saveConcept", [conceptInput, invoiceId]],
      ["app/(dashboard)/documents/actions.ts#deleteDocument", [invoiceId]],
      ["app/(dashboard)/documents/actions.ts#cancelDocument", [invoiceId]],
      ["app/(dashboard)/documents/actions.ts#sendDocuments", [[invoiceId]]],
      [
        "app/(dashboard)/documents/[id]/invoice-actions.ts#markInvoicePaid",
        [invoiceId, { amount: "5.00", paidOn: today, method: "cash" }],
      ],
      ["app/(dashboard)/documents/[id]/invoice-actions.ts#creditInvoice", [invoiceId]],
      ["app/(dashboard)/payments/actions.ts#sendPaymentReminder", [invoiceId]],
      ["app/(dashboard)/payments/actions.ts#sendPaymentReminder", [overdueId]],
      ["app/(dashboard)/payments/actions.ts#matchBankLine", [{ lineId: randomUUID(), invoiceId }]],
      ["app/(dashboard)/apps/peppol/actions.ts#sendViaPeppol", [invoiceId]],
    ];
    const outcomes: { action: string; status: number; result: unknown }[] = [];
    for (const [name, args] of calls) {
      const { status, result } = await callAction(actionRef(name), args, a.cookie);
      recordFaults(SUITE, { tried: 1, serverErrors: status >= 500 ? 1 : 0 });
      outcomes.push({ action: name.split("#")[1] ?? name, status, result });
    }
    // The payment just recorded, undone (a legitimate change after issue, in both directions).
    const payment = await stack.handle.executeSql(
      `select id from payment where document_id = $1 order by created_at desc limit 1`,
      [invoiceId],
    );
    const paymentId = (payment.rows[0] as { id: string } | undefined)?.id ?? randomUUID();
    const undo = await callAction(
      actionRef("app/(dashboard)/documents/[id]/invoice-actions.ts#undoInvoicePayment"),
      [invoiceId, paymentId],
      a.cookie,
    );
    recordFaults(SUITE, { tried: 1, serverErrors: undo.status >= 500 ? 1 : 0 });
    outcomes.push({ action: "undoInvoicePayment", status: undo.status, result: undo.result });
    console.log("the merchant's actions on an issued invoice:", outcomes);
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);

    // Every way its PDF and UBL leave Facturo.
    const pdfs = [
      await get(`/api/documents/${invoiceId}/pdf`, { cookie: a.cookie }),
      await get(`/api/v1/documents/${invoiceId}/pdf`, { apiKey: a.apiKey }),
      await get(`/d/${token}/pdf`),
    ];
    const ubls = [
      await get(`/api/documents/${invoiceId}/ubl`, { cookie: a.cookie }),
      await get(`/api/v1/documents/${invoiceId}/ubl`, { apiKey: a.apiKey }),
    ];
    const pages = [
      await get(`/documents/${invoiceId}`, { cookie: a.cookie }),
      await get(`/d/${token}`),
      await get(`/api/v1/documents/${invoiceId}`, { apiKey: a.apiKey }),
    ];
    expect([...pdfs, ...ubls, ...pages].map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(pdfs.map((r) => sha256(r.body))).toEqual(Array(3).fill(pdfSha));
    expect(ubls.map((r) => sha256(r.body))).toEqual(Array(2).fill(ublSha));
    const api = JSON.parse(pages[2]!.body.toString("utf8")) as { number: string };
    expect(api.number).toBe(number);

    // The send again (and any reminder) carries the stored PDF, once the worker has sent it.
    const attachments = await eventually(
      "the second email of the invoice",
      async () => {
        const { rows } = await stack.handle.executeSql(
          `select e.attachments from email e join document_send s on s.email_id = e.id
           where s.document_id = $1 and s.status = 'sent'`,
          [invoiceId],
        );
        return rows.length >= 2 ? (rows as { attachments: { contentBase64: string }[] }[]) : null;
      },
      90_000,
    );
    for (const { attachments: files } of attachments)
      expect(sha256(Buffer.from(files[0]?.contentBase64 ?? "", "base64"))).toBe(pdfSha);

    // The reminder of the overdue invoice carries its original too (stored when it first left).
    const reminder = await eventually(
      "the reminder's email",
      async () => {
        const { rows } = await stack.handle.executeSql(
          `select e.attachments from email e join document_send s on s.email_id = e.id
           where s.document_id = $1 and s.kind = 'reminder' and s.status = 'sent'`,
          [overdueId],
        );
        return rows[0] as { attachments: { contentBase64: string }[] } | undefined;
      },
      90_000,
    );
    const { rows: kept } = await stack.handle.executeSql(
      `select sha256 from document_original where document_id = $1 and key = 'pdf'`,
      [overdueId],
    );
    expect(sha256(Buffer.from(reminder.attachments[0]?.contentBase64 ?? "", "base64"))).toBe(
      (kept[0] as { sha256: string } | undefined)?.sha256,
    );

    expect(await legalContent()).toEqual(before.legal);
    expect(await originals()).toEqual(before.originals);
    for (const original of await originals()) expect(original.actual).toBe(original.sha256);
  });
});
