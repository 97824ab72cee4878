import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { listOriginals } from "@/db/queries/document-originals";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { customers, emails, organisations } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { concept } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { waitFor } from "@/db/testing/wait-for";
import { fixedClock, systemClock } from "@/lib/calendar/clock";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { storeOriginalsJob } from "@/lib/documents/jobs/store-originals.job";
import { storeOriginalsHandler } from "@/lib/documents/jobs/store-originals.handler";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import { queueDocumentSends } from "@/lib/documents/queue-document-send";
import type { Queue } from "@/lib/jobs/queue";
import { startTestWorker, testJobContext } from "@/lib/jobs/testing/test-worker";
import { recordPayment } from "@/lib/payments/record-payment";
import { readPdfText } from "@/lib/pdf/pdf-text.test-support";
import { renderDocumentPdf } from "@/lib/pdf/render-document-pdf";
import { renderPdfOnDemand } from "@/lib/pdf/render-on-demand";
import { PdfRenderFailedError, type RenderPool } from "@/lib/pdf/render-pool/render-pool";
import { findIssuedPdf, issuedPdf } from "./issued-pdf";
import { findIssuedUbl, issuedUbl } from "./issued-ubl";

let handle: DbHandle;
let boss: Queue;
let t: Tenant;

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function customer(email: string) {
  const [row] = await handle.db
    .insert(customers)
    .values(
      t.owned({
        name: `Marie ${uniqueSuffix()}`,
        email,
        language: "fr" as const,
        billingStreet: "Meir 1",
        billingPostalCode: "2000",
        billingCity: "Antwerpen",
        billingCountry: "BE",
      }),
    )
    .returning();
  return row!.id;
}

async function issued(): Promise<string> {
  const id = await createConcept(handle.db, t, concept({ customerId: await customer("m@x.be") }));
  await finaliseDocument(handle.db, t, { documentId: id }, fixedClock(new Date()));
  return id;
}

beforeAll(async () => {
  handle = await openTestDb();
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  boss = await startTestWorker(handle, [sendDocumentJob, storeOriginalsJob]);
}, 60_000);

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await handle.close();
});

describe("originals kept at issue", () => {
  it("stores the PDF and UBL once when a document is sent, and emails exactly that PDF", async () => {
    const email = `client-${uniqueSuffix()}@example.be`;
    const id = await createConcept(handle.db, t, concept({ customerId: await customer(email) }));
    await queueDocumentSends(handle.db, t, [id], boss, systemClock);
    const sent = await waitFor(
      async () => (await handle.db.select().from(emails).where(eq(emails.toAddress, email)))[0],
    );
    const attached = Buffer.from(sent.attachments[0]?.contentBase64 ?? "", "base64");
    const pdf = await waitFor(() => findIssuedPdf(handle.db, t, id));
    expect(sha256(attached)).toBe(pdf.sha256);
    const ubl = await waitFor(() => findIssuedUbl(handle.db, t, id));
    const xml = ubl.bytes.toString("utf8");
    const number = (await getDocument(handle.db, t, id))!.document.number!;
    expect(xml).toContain(`<cbc:ID>${number}</cbc:ID>`);
    // The UBL carries the very PDF that was issued, not another rendering of it.
    const embedded = /<cbc:EmbeddedDocumentBinaryObject[^>]*>([^<]+)</.exec(xml)?.[1] ?? "";
    expect(sha256(Buffer.from(embedded, "base64"))).toBe(pdf.sha256);
    expect(ubl.details.pdfSha256).toBe(pdf.sha256);
    expect((await listOriginals(handle.db, t, id)).map((o) => o.key).sort()).toEqual([
      "pdf",
      "ubl",
    ]);
  });

  it("serves an issued document's original, never a new rendering, whatever changed since", async () => {
    const id = await issued();
    const first = await renderPdfOnDemand(handle.db, t, id);
    if (!first.ok) throw new Error("refused");
    const stored = await findIssuedPdf(handle.db, t, id);
    expect(first.sha256).toBe(stored?.sha256);
    expect(sha256(first.pdf)).toBe(stored?.sha256);

    // The company moves and the invoice is paid: a new rendering would say so.
    await handle.db
      .update(organisations)
      .set({ street: "Nieuwe Straat 99" })
      .where(eq(organisations.id, t.organisationId));
    await recordPayment(
      handle.db,
      t,
      { invoiceId: id, amountCents: 500, method: "bank_transfer", paidOn: "2026-12-01" },
      systemClock,
    );
    const again = await renderPdfOnDemand(handle.db, t, id);
    if (!again.ok) throw new Error("refused");
    expect(Buffer.compare(again.pdf, first.pdf)).toBe(0);
    expect(again.fileStem).toBe((await getDocument(handle.db, t, id))!.document.number);
    const fresh = await renderDocumentPdf(handle.db, t, id);
    expect(sha256(fresh)).not.toBe(stored?.sha256);
    expect((await readPdfText(fresh)).text).toMatch(/5,00/);
    expect((await readPdfText(again.pdf)).text).not.toMatch(/5,00/);
    expect(await listOriginals(handle.db, t, id)).toHaveLength(1);
  });

  it("renders a concept on demand and stores nothing for it", async () => {
    const id = await createConcept(handle.db, t, concept());
    const rendered = await renderPdfOnDemand(handle.db, t, id);
    expect(rendered.ok && rendered.sha256).toBe(null);
    expect(rendered.ok && rendered.fileStem).toBe("concept");
    expect(await listOriginals(handle.db, t, id)).toEqual([]);
  });

  it("keeps the document issued when rendering fails, and stores the original on the retry", async () => {
    const id = await issued();
    const holder = globalThis as unknown as { facturoPdfPool?: RenderPool };
    const pool = holder.facturoPdfPool;
    holder.facturoPdfPool = {
      render: () => Promise.reject(new PdfRenderFailedError("The PDF renderer stopped")),
    } as unknown as RenderPool;
    try {
      await expect(
        storeOriginalsHandler.run(
          { organisationId: t.organisationId, documentId: id },
          testJobContext(handle),
        ),
      ).rejects.toThrow("The PDF renderer stopped");
    } finally {
      holder.facturoPdfPool = pool;
    }
    expect((await getDocument(handle.db, t, id))?.document.status).toBe("sent");
    expect(await findIssuedPdf(handle.db, t, id)).toBeNull();
    await storeOriginalsHandler.run(
      { organisationId: t.organisationId, documentId: id },
      testJobContext(handle),
    );
    const pdf = await findIssuedPdf(handle.db, t, id);
    expect(pdf?.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await issuedUbl(handle.db, t, id)).id).toBe(
      (await findIssuedUbl(handle.db, t, id))?.id,
    );
    // Asked again (a retried job, two workers), the first original stays.
    expect((await issuedPdf(handle.db, t, id)).sha256).toBe(pdf?.sha256);
  });
});
