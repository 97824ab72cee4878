import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { customers, emails } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { concept } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { startTestWorker, testJobContext } from "@/lib/jobs/testing/test-worker";
import { waitFor } from "@/db/testing/wait-for";
import { queueDocumentSends } from "@/lib/documents/queue-document-send";
import type { Queue } from "@/lib/jobs/queue";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import { systemClock } from "@/lib/calendar/clock";

let handle: DbHandle;
let boss: Queue;
let t: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  t = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  const ctx = testJobContext(handle, { APP_URL: "https://pay.facturo.test" });
  boss = await startTestWorker(handle, [sendDocumentJob], ctx);
}, 60_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await handle?.close();
});

it("fills an unpaid invoice email's {paymentLink} with the customer's invoice page", async () => {
  const address = `payer-${uniqueSuffix()}@example.be`;
  const [customer] = await handle.db
    .insert(customers)
    .values(t.owned({ name: "Marie Dupont", email: address, language: "en" as const }))
    .returning();
  const id = await createConcept(handle.db, t, concept({ customerId: customer?.id ?? null }));
  await queueDocumentSends(handle.db, t, [id], boss, systemClock);
  const sent = await waitFor(
    async () => (await handle.db.select().from(emails).where(eq(emails.toAddress, address)))[0],
  );
  const token = (await getDocument(handle.db, t, id))?.document.publicToken;
  expect(token).toBeTruthy();
  expect(sent.text).toContain(`https://pay.facturo.test/d/${token}\n`);
});
