import { eq } from "drizzle-orm";
import { waitFor } from "@/db/testing/wait-for";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { systemClock } from "@/lib/calendar/clock";
import { cancelConcept } from "./cancel-concept";
import { customers, documentSends, emails } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { concept } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import type { Queue } from "@/lib/jobs/queue";
import { startTestWorker, testJobContext } from "@/lib/jobs/testing/test-worker";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import { sendDocumentHandler } from "@/lib/documents/jobs/send-document.handler";
import { queueDocumentSends, SendBlockedError } from "./queue-document-send";
import { line } from "@/db/testing/document-factory";
import { organisations } from "@/db/schema";

let handle: DbHandle;
let boss: Queue;
let t: Tenant;

async function customer(email: string | null) {
  const [row] = await handle.db
    .insert(customers)
    .values(t.owned({ name: `Marie ${uniqueSuffix()}`, email, language: "fr" as const }))
    .returning();
  if (!row) throw new Error("no customer");
  return row.id;
}

beforeAll(async () => {
  handle = await openTestDb();
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  boss = await startTestWorker(handle, [sendDocumentJob]);
}, 60_000);

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await handle.close();
});

describe("sending a document", () => {
  it("finalises the concept and emails its PDF to the customer, once", async () => {
    const email = `client-${uniqueSuffix()}@example.be`;
    const id = await createConcept(handle.db, t, concept({ customerId: await customer(email) }));
    const result = await queueDocumentSends(handle.db, t, [id], boss, systemClock);
    expect(result).toEqual({ queued: [id], missingEmail: [], notConcept: [], overDailyLimit: [] });

    const sent = await waitFor(
      async () => (await handle.db.select().from(emails).where(eq(emails.toAddress, email)))[0],
    );
    const found = await getDocument(handle.db, t, id);
    expect(found?.document.status).toBe("sent");
    expect(sent.subject).toContain(found?.document.number ?? "missing");
    expect(sent.text).toContain("+++");
    expect(sent.attachments[0]?.contentType).toBe("application/pdf");
    expect(
      Buffer.from(sent.attachments[0]?.contentBase64 ?? "", "base64")
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    await waitFor(async () =>
      (await getDocument(handle.db, t, id))?.events.some((e) => e.kind === "sent"),
    );

    // A redelivered job (crash after sending) must not email twice.
    const [send] = await handle.db
      .select()
      .from(documentSends)
      .where(eq(documentSends.documentId, id));
    await sendDocumentHandler.run(
      { organisationId: t.organisationId, sendId: send?.id ?? "" },
      testJobContext(handle),
    );
    expect(await handle.db.select().from(emails).where(eq(emails.toAddress, email))).toHaveLength(
      1,
    );
  });

  it("keeps a concept without an email address as a concept, and says so", async () => {
    const id = await createConcept(handle.db, t, concept({ customerId: await customer(null) }));
    expect(await queueDocumentSends(handle.db, t, [id], boss, systemClock)).toEqual({
      queued: [],
      missingEmail: [id],
      notConcept: [],
      overDailyLimit: [],
    });
    expect((await getDocument(handle.db, t, id))?.document.status).toBe("concept");
  });

  it("refuses cancelled documents and other organisations' documents", async () => {
    const cancelled = await createConcept(
      handle.db,
      t,
      concept({ customerId: await customer("x@example.be") }),
    );
    await cancelConcept(handle.db, t, { documentId: cancelled }, systemClock);
    const other = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    const foreign = await createConcept(handle.db, other, concept());
    expect(await queueDocumentSends(handle.db, t, [cancelled, foreign], boss, systemClock)).toEqual(
      {
        queued: [],
        missingEmail: [],
        notConcept: [cancelled, foreign],
        overDailyLimit: [],
      },
    );
  });

  it("refuses to number an intra-EU supply without the customer's VAT number", async () => {
    const id = await createConcept(
      handle.db,
      t,
      concept({
        customerId: await customer("de@example.de"),
        lines: [line({ vatCategory: "K", vatRateBp: 0 })],
      }),
    );
    await expect(queueDocumentSends(handle.db, t, [id], boss, systemClock)).rejects.toEqual(
      new SendBlockedError("vat_number_required"),
    );
    expect((await getDocument(handle.db, t, id))?.document.status).toBe("concept");
  });

  it("refuses to number an invoice while the company's legal details are missing", async () => {
    const bare = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    await handle.db
      .update(organisations)
      .set({ street: "" })
      .where(eq(organisations.id, bare.organisationId));
    const [c] = await handle.db
      .insert(customers)
      .values(bare.owned({ name: "Jan", email: "jan@example.be" }))
      .returning();
    const id = await createConcept(handle.db, bare, concept({ customerId: c?.id ?? null }));
    await expect(queueDocumentSends(handle.db, bare, [id], boss, systemClock)).rejects.toEqual(
      new SendBlockedError("company_incomplete"),
    );
    expect((await getDocument(handle.db, bare, id))?.document.number).toBeNull();
  });
});
