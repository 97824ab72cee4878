import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { isIssuedDocumentImmutable } from "@/db/errors";
import { createCustomer } from "@/db/queries/customers";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { emptyCustomerInput } from "@/lib/customers/customer-schema";
import { documentLines, documents, organisations } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { concept, line } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { fixedClock } from "@/lib/calendar/clock";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { updateConcept } from "@/lib/documents/update-concept";
import { storeOriginal } from "./store-original";

let handle: DbHandle;
let t: Tenant;
let orgId: string;

beforeAll(async () => {
  handle = await openTestDb();
  const user = await createUser(handle.db);
  orgId = (await createOrg(handle.db, user.id)).id;
  t = tenant(orgId);
});
afterAll(() => handle.close());

const clock = fixedClock(new Date("2026-11-28T10:00:00Z"));

async function issuedInvoice(): Promise<string> {
  const customerId = await createCustomer(handle.db, t, {
    ...emptyCustomerInput,
    hasDelivery: undefined,
    name: "Pieter Verstraete",
    email: "pieter@example.be",
    billingStreet: "Veldstraat 1",
    billingPostalCode: "9000",
    billingCity: "Gent",
  } as never);
  const id = await createConcept(
    handle.db,
    t,
    concept({
      customerId,
      lines: [line(), line({ description: "Teapot", unitPriceCents: 2500 })],
    }),
  );
  await finaliseDocument(handle.db, t, { documentId: id }, clock);
  return id;
}

async function refused(statement: string): Promise<unknown> {
  const error = await handle.executeSql(statement).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, statement).not.toBeNull();
  expect(isIssuedDocumentImmutable(error), `${statement}: ${String(error)}`).toBe(true);
  return error;
}

async function snapshot(id: string) {
  const found = await getDocument(handle.db, t, id);
  const { document, lines } = found!;
  const { status: _s, paidCents: _p, updatedAt: _u, ...legal } = document;
  return { legal, lines };
}

describe("the legal content of an issued document (database triggers)", () => {
  // Every column that says what was invoiced, to whom, by whom, when and for how much.
  const legalChanges = [
    `number = 'X-1'`,
    `sequence = 999`,
    `period_key = '1999'`,
    `type = 'order_form'`,
    `issue_date = '2020-01-01'`,
    `due_date = '2030-01-01'`,
    `supply_date = '2020-01-01'`,
    `delivery_date = '2020-01-01'`,
    `currency = 'USD'`,
    `legend = 'changed'`,
    `language = 'nl'`,
    `structured_communication = '000000000097'`,
    `total_net_cents = 1`,
    `total_vat_cents = 1`,
    `total_cents = 1`,
    `vat_breakdown = '[]'::jsonb`,
    `fixed_vat = '[]'::jsonb`,
    `seller = jsonb_set(seller, '{legalName}', '"Someone else"')`,
    `customer = jsonb_set(coalesce(customer, '{}'::jsonb), '{name}', '"Someone else"')`,
    `customer = jsonb_set(coalesce(customer, '{}'::jsonb), '{vatNumber}', '"BE0123456749"')`,
    `customer = jsonb_set(coalesce(customer, '{}'::jsonb), '{email}', '"other@example.be"')`,
    `customer = null`,
    `credited_document_id = gen_random_uuid()`,
    `source_key = 'forged'`,
    `public_token = 'forgedforgedforgedforged'`,
    `finalised_at = now() - interval '1 year'`,
    `created_at = now() - interval '1 year'`,
    `status = 'concept'`,
    `status = 'cancelled'`,
  ];

  it("refuses every change of a legal column, and leaves the row as issued", async () => {
    const id = await issuedInvoice();
    const before = await snapshot(id);
    for (const change of legalChanges)
      await refused(`UPDATE document SET ${change} WHERE id = '${id}'`);
    expect(await snapshot(id)).toEqual(before);
  });

  it("names the column it refused", async () => {
    const id = await issuedInvoice();
    const error = await refused(`UPDATE document SET total_cents = 1 WHERE id = '${id}'`);
    const messages: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
    expect(messages.join(" ")).toMatch(/issued .*total_cents cannot change/);
  });

  it("lets what happens after issue change: status, amount paid, the customer link, erasure of the email", async () => {
    const id = await issuedInvoice();
    const before = await snapshot(id);
    await handle.executeSql(
      `UPDATE document SET status = 'partially_paid', paid_cents = 500, updated_at = now() WHERE id = '${id}'`,
    );
    await handle.executeSql(
      `UPDATE document SET status = 'paid', paid_cents = 4235 WHERE id = '${id}'`,
    );
    await handle.executeSql(
      `UPDATE document SET status = 'sent', paid_cents = 0 WHERE id = '${id}'`,
    );
    await handle.executeSql(`UPDATE document SET customer_id = NULL WHERE id = '${id}'`);
    await handle.executeSql(
      `UPDATE document SET customer = jsonb_set(customer, '{email}', 'null') WHERE id = '${id}' AND customer IS NOT NULL`,
    );
    const after = await snapshot(id);
    expect(before.legal.customer?.email).toBe("pieter@example.be");
    expect(after.legal).toEqual({
      ...before.legal,
      customerId: null,
      customer: { ...before.legal.customer, email: null },
    });
    expect(after.lines).toEqual(before.lines);
  });

  it("refuses deleting an issued document, adding, changing or removing its lines, and truncating", async () => {
    const id = await issuedInvoice();
    const before = await snapshot(id);
    await refused(`DELETE FROM document WHERE id = '${id}'`);
    await refused(`UPDATE document_line SET net_cents = 1 WHERE document_id = '${id}'`);
    await refused(`UPDATE document_line SET description = 'other' WHERE document_id = '${id}'`);
    await refused(`DELETE FROM document_line WHERE document_id = '${id}'`);
    await refused(
      `INSERT INTO document_line (organisation_id, document_id, position, description, quantity, unit_price_cents, price_mode, vat_category, vat_rate_bp)
       VALUES ('${orgId}', '${id}', 9, 'Extra', '1', 100, 'excl', 'S', 2100)`,
    );
    const concept_ = await createConcept(handle.db, t, concept());
    // Moving a concept's line onto the issued document is adding a line to it.
    await refused(
      `UPDATE document_line SET document_id = '${id}' WHERE document_id = '${concept_}'`,
    );
    await refused(`TRUNCATE document_line`);
    await refused(`TRUNCATE document CASCADE`);
    expect(await snapshot(id)).toEqual(before);
  });

  it("refuses deleting an organisation that issued documents", async () => {
    const user = await createUser(handle.db);
    const other = tenant((await createOrg(handle.db, user.id)).id);
    const id = await createConcept(handle.db, other, concept());
    await finaliseDocument(handle.db, other, { documentId: id }, clock);
    const error = await handle.db
      .delete(organisations)
      .where(eq(organisations.id, other.organisationId))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isIssuedDocumentImmutable(error)).toBe(true);
    expect((await getDocument(handle.db, other, id))?.document.number).toBeTruthy();
  });

  it("leaves concepts free: edited, their lines replaced, deleted", async () => {
    const id = await createConcept(handle.db, t, concept());
    await updateConcept(
      handle.db,
      t,
      { documentId: id, concept: concept({ lines: [line({ description: "Changed" })] }) },
      clock,
    );
    const lines = await handle.db
      .select()
      .from(documentLines)
      .where(eq(documentLines.documentId, id));
    expect(lines.map((l) => l.description)).toEqual(["Changed"]);
    await handle.db.delete(documents).where(eq(documents.id, id));
    expect(await getDocument(handle.db, t, id)).toBeNull();
  });
});

describe("stored originals", () => {
  it("keeps the first bytes stored under a key, with their SHA-256, and never replaces them", async () => {
    const id = await issuedInvoice();
    const bytes = Buffer.from("%PDF-1.7 the issued one");
    const first = await storeOriginal(handle.db, t, {
      documentId: id,
      kind: "pdf",
      contentType: "application/pdf",
      bytes,
    });
    expect(first.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(first.size).toBe(bytes.length);
    const second = await storeOriginal(handle.db, t, {
      documentId: id,
      kind: "pdf",
      contentType: "application/pdf",
      bytes: Buffer.from("%PDF-1.7 a later render"),
    });
    expect(second.id).toBe(first.id);
    expect(Buffer.compare(second.bytes, bytes)).toBe(0);
  });

  it("refuses updating, deleting or truncating an original, and an original of a concept", async () => {
    const id = await issuedInvoice();
    const stored = await storeOriginal(handle.db, t, {
      documentId: id,
      kind: "ubl",
      contentType: "application/xml",
      bytes: "<Invoice/>",
    });
    await refused(`UPDATE document_original SET bytes = 'forged'::bytea WHERE id = '${stored.id}'`);
    await refused(`UPDATE document_original SET details = '{}' WHERE id = '${stored.id}'`);
    await refused(`DELETE FROM document_original WHERE id = '${stored.id}'`);
    await refused(`TRUNCATE document_original`);
    const conceptId = await createConcept(handle.db, t, concept());
    await expect(
      storeOriginal(handle.db, t, {
        documentId: conceptId,
        kind: "pdf",
        contentType: "application/pdf",
        bytes: Buffer.from("x"),
      }),
    ).rejects.toSatisfy(isIssuedDocumentImmutable);
    // Another organisation cannot attach an original to this one's document.
    const user = await createUser(handle.db);
    const other = tenant((await createOrg(handle.db, user.id)).id);
    await expect(
      storeOriginal(handle.db, other, {
        documentId: id,
        kind: "pdf",
        key: "pdf-forged",
        contentType: "application/pdf",
        bytes: Buffer.from("x"),
      }),
    ).rejects.toSatisfy(isIssuedDocumentImmutable);
    const { rows } = await handle.executeSql(
      `SELECT encode(bytes, 'escape') AS text, sha256 FROM document_original WHERE id = $1`,
      [stored.id],
    );
    expect(rows).toEqual([{ text: "<Invoice/>", sha256: stored.sha256 }]);
  });
});
