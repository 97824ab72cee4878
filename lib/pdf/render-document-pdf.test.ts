import { crc32, deflateSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { createConcept } from "@/lib/documents/create-concept";
import { customers, documents, organisations } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { saveLogo } from "@/db/queries/organisations";
import { concept as draftConcept } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb } from "@/db/testing/test-db";
import { conceptSchema, type ConceptInput } from "@/lib/documents/concept-schema";
import { formatMoney } from "@/lib/money";
import { formatStructuredCommunication } from "@/lib/structured-communication/format-structured-communication";
import { findDocumentByPublicToken } from "./find-document-by-public-token";
import { readPdfText } from "./pdf-text.test-support";
import { renderDocumentPdf } from "./render-document-pdf";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { fixedClock } from "@/lib/calendar/clock";

/** The PDF's text, pages separated by a form feed. */
const pdfText = async (pdf: Buffer) => (await readPdfText(pdf)).text;
const pdfPages = async (pdf: Buffer) => (await readPdfText(pdf)).pageCount;

/** A 240×80 two-colour RGB PNG, standing in for a merchant's logo. */
function logoPng(): Buffer {
  const [w, h] = [240, 80];
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = y * (w * 3 + 1) + 1 + x * 3;
      const inMark = x < 80;
      raw[o] = inMark ? 0x1d : 0xff;
      raw[o + 1] = inMark ? 0x4e : 0xff;
      raw[o + 2] = inMark ? 0xd8 : 0xff;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The text keeps narrow/no-break spaces as they are; compare on plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

function line(description: string, overrides: Partial<ConceptInput["lines"][number]> = {}) {
  return {
    description,
    sku: "",
    quantity: "2",
    unitPrice: "12.50",
    priceMode: "excl" as const,
    discountPercent: "",
    vatCategory: "S" as const,
    vatRateBp: 2100,
    ...overrides,
  };
}

let handle: DbHandle;
let t: Tenant;
let customerId: string;

async function finalisedInvoice(input: Partial<ConceptInput> = {}) {
  const concept = conceptSchema.parse({
    type: "invoice",
    customerId,
    language: "fr",
    issueDate: "2026-03-05",
    dueDate: "2026-04-04",
    legend: "Merci pour votre confiance. Paiement à 30 jours.",
    lines: [line("Chaise en chêne"), line("Livraison", { quantity: "1", unitPrice: "25" })],
    ...input,
  });
  const id = await createConcept(handle.db, t, concept);
  const row = await finaliseDocument(
    handle.db,
    t,
    { documentId: id },
    fixedClock(new Date("2026-03-05T10:00:00Z")),
  );
  return { id, row };
}

beforeAll(async () => {
  handle = await openTestDb();
  const user = await createUser(handle.db);
  const org = await createOrg(handle.db, user.id, "Atelier Dupont SRL");
  await handle.db
    .update(organisations)
    .set({ vatNumber: "BE0123456749", iban: "BE68539007547034", bic: "GEBABEBB" })
    .where(eq(organisations.id, org.id));
  await saveLogo(handle.db, org.id, { contentType: "image/png", data: logoPng() });
  t = tenant(org.id);
  const [customer] = await handle.db
    .insert(customers)
    .values(
      t.owned({
        name: "Marie Peeters",
        company: "Peeters BV",
        vatNumber: "BE0887654324",
        billingStreet: "Meir 1",
        billingPostalCode: "2000",
        billingCity: "Antwerpen",
      }),
    )
    .returning();
  if (!customer) throw new Error("no customer");
  customerId = customer.id;
});

afterAll(async () => {
  await handle.close();
});

describe("renderDocumentPdf", () => {
  it("prints a finalised invoice's number, total, structured communication, legend and VAT number", async () => {
    const { id, row } = await finalisedInvoice();
    const pdf = await renderDocumentPdf(handle.db, t, id);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = plain(await pdfText(pdf));
    expect(row.number).toBeTruthy();
    expect(text).toContain(row.number);
    expect(text).toContain("Facture");
    expect(text).toContain(plain(formatMoney(row.totalCents, "EUR", "fr-BE")));
    expect(text).toContain(formatStructuredCommunication(row.structuredCommunication ?? ""));
    expect(text).toContain("Merci pour votre confiance.");
    expect(text).toContain("BE 0123.456.749");
    expect(text).toContain("BE 0887.654.324");
    expect(text).toContain("BE68 5390 0754 7034");
    expect(text).toContain("1/1");
    expect(await pdfPages(pdf)).toBe(1);
  });

  it("prints the date of the supply when it is not the issue date", async () => {
    const { id } = await finalisedInvoice({ supplyDate: "2026-02-20" });
    const text = plain(await pdfText(await renderDocumentPdf(handle.db, t, id)));
    expect(text).toContain("Date de l'opération");
    expect(text).toContain("20/02/2026");
    const same = await finalisedInvoice({ supplyDate: "2026-03-05" });
    const plainSame = plain(await pdfText(await renderDocumentPdf(handle.db, t, same.id)));
    expect(plainSame).not.toContain("Date de l'opération");
  });

  it("keeps the seller as issued when the company later moves or changes bank", async () => {
    const { id } = await finalisedInvoice();
    const [before] = await handle.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, t.organisationId));
    await handle.db
      .update(organisations)
      .set({ street: "Nieuwstraat 99", iban: "BE71096123456769" })
      .where(eq(organisations.id, t.organisationId));
    try {
      const issued = plain(await pdfText(await renderDocumentPdf(handle.db, t, id)));
      expect(issued).toContain("BE68 5390 0754 7034");
      expect(issued).not.toContain("Nieuwstraat 99");
      // A concept is not issued yet: it shows the company as it is now.
      const draft = await createConcept(handle.db, t, draftConcept());
      expect(plain(await pdfText(await renderDocumentPdf(handle.db, t, draft)))).toContain(
        "Nieuwstraat 99",
      );
    } finally {
      await handle.db
        .update(organisations)
        .set({ street: before!.street, iban: before!.iban })
        .where(eq(organisations.id, t.organisationId));
    }
  });

  it("flows a 200-line document over several pages with numbered pages", async () => {
    const lines = Array.from({ length: 200 }, (_, i) => line(`Article numéro ${i + 1}`));
    const { id, row } = await finalisedInvoice({ lines });
    const number = row.number ?? "missing";
    const pdf = await renderDocumentPdf(handle.db, t, id);
    const pages = await pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    const text = await pdfText(pdf);
    expect(text).toContain(`1/${pages}`);
    expect(text).toContain(`${pages}/${pages}`);
    expect(text).toContain("Article numéro 200");
    // The table header is repeated on every page the table spans.
    expect(text.split("Description").length - 1).toBeGreaterThanOrEqual(pages - 1);
    // Every page names its document (pages are separated by a form feed).
    for (const page of text.split("\f").filter((p) => p.trim())) expect(page).toContain(number);
  });

  it("renders hostile names and descriptions", async () => {
    const [hostile] = await handle.db
      .insert(customers)
      .values(
        t.owned({
          name: `<script>alert(1)</script> ${"W".repeat(300)}`,
          company: "שלום עולם مرحبا بالعالم 😀🧾",
          billingStreet: "x".repeat(300),
          billingPostalCode: "\u202e1000",
          billingCity: "Brux\u0007elles",
          billingCountry: "IL",
        }),
      )
      .returning();
    const lines = [
      line(`<b>${"Ü".repeat(300)}</b>`),
      line("🚀 emoji 🎉 and RTL ‏עברית‎", { sku: "SKU-".repeat(25) }),
    ];
    const { id } = await finalisedInvoice({ customerId: hostile?.id ?? null, lines });
    const pdf = await renderDocumentPdf(handle.db, t, id);
    const text = await pdfText(pdf);
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain("Bruxelles");
    expect(await pdfPages(pdf)).toBeGreaterThanOrEqual(1);
  });

  it("marks a concept as a draft", async () => {
    const concept = conceptSchema.parse({
      type: "order_form",
      customerId,
      language: "nl",
      issueDate: "2026-03-05",
      dueDate: "",
      legend: "",
      lines: [line("Stoel")],
    });
    const id = await createConcept(handle.db, t, concept);
    const text = await pdfText(await renderDocumentPdf(handle.db, t, id));
    expect(text).toContain("Bestelbon");
    expect(text).toContain("Concept");
  });

  it("refuses another tenant's document", async () => {
    const { id } = await finalisedInvoice();
    await expect(renderDocumentPdf(handle.db, tenant(crypto.randomUUID()), id)).rejects.toThrow(
      /not found/,
    );
  });
});

describe("findDocumentByPublicToken", () => {
  it("finds a finalised document by its exact token only", async () => {
    const { id, row } = await finalisedInvoice();
    const found = await findDocumentByPublicToken(handle.db, row.publicToken);
    expect(found?.documentId).toBe(id);
    expect(found?.tenant.organisationId).toBe(t.organisationId);
    expect(await findDocumentByPublicToken(handle.db, row.publicToken.slice(0, -1))).toBeNull();
    expect(await findDocumentByPublicToken(handle.db, `${row.publicToken}x`)).toBeNull();
    expect(await findDocumentByPublicToken(handle.db, "%")).toBeNull();
    expect(await findDocumentByPublicToken(handle.db, "")).toBeNull();
  });

  it("never serves a concept or a cancelled document", async () => {
    const concept = conceptSchema.parse({
      type: "invoice",
      customerId,
      language: "fr",
      issueDate: "2026-03-05",
      dueDate: "",
      legend: "",
      lines: [line("Chaise")],
    });
    const id = await createConcept(handle.db, t, concept);
    const [row] = await handle.db
      .select({ token: documents.publicToken })
      .from(documents)
      .where(eq(documents.id, id));
    expect(await findDocumentByPublicToken(handle.db, row?.token ?? "")).toBeNull();
  });
});
