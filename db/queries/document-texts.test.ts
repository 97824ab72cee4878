import { eq } from "drizzle-orm";
import { waitFor } from "../testing/wait-for";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { activateApp, deactivateApp } from "@/db/queries/apps";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { customers, emails, organisations } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { concept } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import type { TextLanguage } from "@/lib/documents/default-texts";
import { queueDocumentSends } from "@/lib/documents/queue-document-send";
import type { Queue } from "@/lib/jobs/queue";
import { startTestWorker } from "@/lib/jobs/testing/test-worker";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import {
  listDocumentTexts,
  resetDocumentText,
  resolveDocumentTexts,
  saveDocumentText,
} from "./document-texts";
import { systemClock } from "@/lib/calendar/clock";

let handle: DbHandle;
let boss: Queue;

async function newTenant(): Promise<Tenant> {
  return tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
}

async function customer(t: Tenant, email: string, language: TextLanguage) {
  const [row] = await handle.db
    .insert(customers)
    .values(t.owned({ name: `Marie ${uniqueSuffix()}`, email, language }))
    .returning();
  if (!row) throw new Error("no customer");
  return row.id;
}

/** Sends an unpaid invoice in `language` and returns its email and finalised document. */
async function sendInvoice(t: Tenant, language: TextLanguage) {
  const to = `client-${uniqueSuffix()}@example.be`;
  const id = await createConcept(
    handle.db,
    t,
    concept({ customerId: await customer(t, to, language), language }),
  );
  expect((await queueDocumentSends(handle.db, t, [id], boss, systemClock)).queued).toEqual([id]);
  const email = await waitFor(
    async () => (await handle.db.select().from(emails).where(eq(emails.toAddress, to)))[0],
  );
  const found = await getDocument(handle.db, t, id);
  if (!found) throw new Error("document gone");
  return { email, document: found.document };
}

function text(language: TextLanguage) {
  return {
    documentType: "invoice" as const,
    paymentState: "unpaid" as const,
    language,
    legend: `[${language}] Pay {total} with {structuredCommunication} by {dueDate}.`,
    emailSubject: `[${language}] Invoice {number} from {companyName}`,
    emailBody: `[${language}] Dear {customerName}, see {number}.`,
  };
}

beforeAll(async () => {
  handle = await openTestDb();
  boss = await startTestWorker(handle, [sendDocumentJob]);
}, 60_000);

afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await handle.close();
});

describe("the merchant's legends and emails", () => {
  it("saves, lists, rewrites and resets a text, for its own organisation only", async () => {
    const t = await newTenant();
    const other = await newTenant();
    await saveDocumentText(handle.db, t, text("fr"));
    await saveDocumentText(handle.db, t, { ...text("fr"), emailSubject: "Rewritten" });
    await saveDocumentText(handle.db, other, text("nl"));
    const rows = await listDocumentTexts(handle.db, t);
    expect(rows).toEqual([{ ...text("fr"), emailSubject: "Rewritten" }]);
    await resetDocumentText(handle.db, t, {
      documentType: "invoice",
      paymentState: "unpaid",
      language: "fr",
    });
    expect(await listDocumentTexts(handle.db, t)).toEqual([]);
    expect(await listDocumentTexts(handle.db, other)).toHaveLength(1);
  });

  it("sends an unpaid invoice with the merchant's legend and email subject", async () => {
    const t = await newTenant();
    await saveDocumentText(handle.db, t, text("fr"));
    const { email, document } = await sendInvoice(t, "fr");
    expect(document.legend).toMatch(/^\[fr\] Pay .+ with \+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+ by .+\.$/);
    expect(email.subject).toMatch(new RegExp(`^\\[fr\\] Invoice ${document.number} from Test`));
    expect(email.text).toContain(`[fr] Dear ${document.customer?.name}, see ${document.number}.`);
  });

  it("uses a nl document's nl text with Foreign customers, and the default language without", async () => {
    const t = await newTenant();
    await handle.db
      .update(organisations)
      .set({ defaultLanguage: "fr" })
      .where(eq(organisations.id, t.organisationId));
    await saveDocumentText(handle.db, t, text("fr"));
    await saveDocumentText(handle.db, t, text("nl"));

    await activateApp(handle.db, t, "foreign-customers");
    const foreign = await sendInvoice(t, "nl");
    expect(foreign.email.subject).toMatch(/^\[nl\] Invoice /);
    expect(foreign.document.legend).toMatch(/^\[nl\] /);
    // Dates are written in the text's language.
    expect(foreign.document.legend).toMatch(
      /januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december/,
    );

    await deactivateApp(handle.db, t, "foreign-customers");
    const local = await sendInvoice(t, "nl");
    expect(local.email.subject).toMatch(/^\[fr\] Invoice /);
    expect(local.document.legend).toMatch(/^\[fr\] /);
  });

  it("falls back to the built-in text in the resolved language", async () => {
    const t = await newTenant();
    await saveDocumentText(handle.db, t, text("fr"));
    await activateApp(handle.db, t, "foreign-customers");
    const resolved = await resolveDocumentTexts(handle.db, t, {
      type: "invoice",
      state: "unpaid",
      documentLanguage: "de",
    });
    expect(resolved).toMatchObject({ language: "de", source: "default" });
    expect(resolved.texts.emailSubject).toBe("Ihre Rechnung {number} — {companyName}");
  });
});
