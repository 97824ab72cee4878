import { createHash } from "node:crypto";
import { listOriginals } from "@/db/queries/document-originals";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/db/client";
import { activateApp } from "@/db/queries/apps";
import { getDocument } from "@/db/queries/documents";
import { createConcept } from "@/lib/documents/create-concept";
import { getPeppolSettings, updatePeppolSettings } from "@/db/queries/peppol-settings";
import {
  createPeppolTransmission,
  getPeppolTransmission,
  listDocumentTransmissions,
} from "@/db/queries/peppol-transmissions";
import { customers } from "@/db/schema";
import { tenant, type Tenant } from "@/db/tenant";
import { concept } from "@/db/testing/document-factory";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "@/db/testing/test-db";
import { startTestWorker, testJobContext } from "@/lib/jobs/testing/test-worker";
import { waitFor } from "@/db/testing/wait-for";
import { startPeppolAccessPoint, type RunningAccessPoint } from "@facturo/peppol-access-point";
import type { JobContext } from "@/lib/jobs/job-handler";
import { PermanentJobError } from "@/lib/jobs/permanent-job-error";
import type { Queue } from "@/lib/jobs/queue";
import { sendDocumentJob } from "@/lib/documents/jobs/send-document.job";
import { StorecoveAccessPoint } from "@/lib/peppol/transport/storecove-access-point";
import { queueDocumentSends } from "@/lib/documents/queue-document-send";
import { queuePeppolSend } from "@/lib/peppol/send/queue-peppol-send";
import { refreshPeppolOutcomesJob } from "@/lib/peppol/jobs/refresh-peppol-outcomes.job";
import { sendOverPeppolJob } from "@/lib/peppol/jobs/send-over-peppol.job";
import { sendOverPeppolHandler } from "@/lib/peppol/jobs/send-over-peppol.handler";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { systemClock } from "@/lib/calendar/clock";

const KEY = "job-test-key";
const ON_NETWORK = "BE0403170701"; // registered at the stand-in from the start
const REFUSING = "BE0417497106";

let handle: DbHandle;
let ap: RunningAccessPoint;
let boss: Queue;
let ctx: JobContext;
let t: Tenant;
let other: Tenant;

/** A merchant registered on Peppol at this access point (the shared one by default). */
async function merchant(accessPoint: RunningAccessPoint = ap): Promise<Tenant> {
  const org = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
  await activateApp(handle.db, org, "peppol");
  const { senderId } = await new StorecoveAccessPoint(KEY, accessPoint.apiUrl).registerSender({
    legalName: "Merchant",
    street: "Rue de la Loi 16",
    postalCode: "1000",
    city: "Bruxelles",
    country: "BE",
    participant: { scheme: "0208", id: "0403170701" },
    reference: org.organisationId,
  });
  await updatePeppolSettings(handle.db, org, { senderId, registeredAs: "0208:0403170701" });
  return org;
}

/** A sent invoice to a company with this VAT number (and an email address). */
async function issuedInvoice(org: Tenant, vatNumber: string | null) {
  const [customer] = await handle.db
    .insert(customers)
    .values(
      org.owned({
        name: "Jan Peeters",
        company: "Brouwerij Peeters BV",
        vatNumber,
        email: `boekhouding-${uniqueSuffix()}@example.be`,
        language: "nl" as const,
        billingStreet: "Kerkstraat 1",
        billingPostalCode: "2000",
        billingCity: "Antwerpen",
      }),
    )
    .returning();
  const id = await createConcept(handle.db, org, concept({ customerId: customer?.id ?? null }));
  await finaliseDocument(handle.db, org, { documentId: id }, systemClock);
  return { id, email: customer?.email ?? "" };
}

const eventsOf = async (org: Tenant, id: string) =>
  ((await getDocument(handle.db, org, id))?.events ?? []).map((e) => e.kind);

const settled = (org: Tenant, id: string) =>
  waitFor(async () => {
    const [latest] = await listDocumentTransmissions(handle.db, org, id);
    return latest && !["queued", "sent"].includes(latest.status) ? latest : undefined;
  });

beforeAll(async () => {
  handle = await openTestDb();
  ap = await startPeppolAccessPoint({ apiKey: KEY, deliveryDelayMs: 20 });
  ctx = testJobContext(handle, { PEPPOL_AP_URL: ap.apiUrl, PEPPOL_AP_API_KEY: KEY });
  boss = await startTestWorker(
    handle,
    [sendOverPeppolJob, refreshPeppolOutcomesJob, sendDocumentJob],
    ctx,
  );
  ctx = { ...ctx, queue: boss };
  t = await merchant();
  other = await merchant();
}, 60_000);

afterAll(async () => {
  // Graceful: a handler still running (an outcome check) must finish before the pool ends,
  // or it rejects with "Cannot use a pool after calling end" (seen on PostgreSQL).
  await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  await ap.close();
  await handle.close();
});

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("sending an invoice over Peppol", () => {
  it("submits the UBL to a buyer on the network and records its delivery", async () => {
    const { id } = await issuedInvoice(t, ON_NETWORK);
    expect(await queuePeppolSend(handle.db, t, id, boss)).toMatchObject({ queued: true });
    const transmission = await settled(t, id);
    expect(transmission).toMatchObject({
      channel: "peppol",
      status: "delivered",
      receiverId: "0208:0403170701",
    });
    const submitted = ap.state.submissions.find((s) => s.guid === transmission.accessPointId);
    expect(submitted?.idempotencyGuid).toBe(transmission.idempotencyKey);
    expect(submitted?.xml).toContain('<cbc:EndpointID schemeID="0208">0403170701</cbc:EndpointID>');
    expect(submitted?.xml).toContain("<cac:AdditionalDocumentReference>"); // the PDF
    expect(await eventsOf(t, id)).toEqual(
      expect.arrayContaining(["peppol_queued", "peppol_sent", "peppol_delivered"]),
    );
    // Kept with the document: the UBL issued is the one transmitted, and the answers.
    const kept = await listOriginals(handle.db, t, id);
    const keys = kept.map((o) => o.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        "pdf",
        "ubl",
        `peppol_ubl:${transmission.id}`,
        `peppol_answer:${transmission.id}:submitted`,
      ]),
    );
    expect(keys).toHaveLength(5);
    const sent = kept.find((o) => o.kind === "peppol_ubl");
    expect(sent?.sha256).toBe(kept.find((o) => o.key === "ubl")?.sha256);
    expect(sent?.sha256).toBe(sha256(submitted?.xml ?? ""));
    const answers = kept.filter((o) => o.kind === "peppol_answer").map((o) => o.details.result);
    expect(answers.sort()).toEqual(["delivered", "submitted"]);
  });

  it("shows the receiver's refusal and its reason", async () => {
    ap.state.rejections.set("0208:0417497106", "Buyer reference unknown");
    ap.state.participants.add("0208:0417497106");
    const { id } = await issuedInvoice(t, REFUSING);
    await queuePeppolSend(handle.db, t, id, boss);
    expect(await settled(t, id)).toMatchObject({
      status: "rejected",
      reason: "Buyer reference unknown",
    });
    expect(await eventsOf(t, id)).toContain("peppol_rejected");
  });

  it("never submits twice: a retried job, or one after a crash, reuses the first submission", async () => {
    // An access point that no worker polls. With the shared one, the background worker's
    // outcome runs could read the first try's delivery and settle the transmission before
    // the handler runs, and the retry this test is about would never reach the access point.
    const quiet = await startPeppolAccessPoint({ apiKey: KEY, deliveryDelayMs: 20 });
    try {
      const org = await merchant(quiet);
      const quietCtx: JobContext = {
        ...testJobContext(handle, { PEPPOL_AP_URL: quiet.apiUrl, PEPPOL_AP_API_KEY: KEY }),
        queue: boss, // its outcome runs go to the shared access point, never to this one
      };
      const { id } = await issuedInvoice(org, ON_NETWORK);
      // Not through the queue: this test is the worker, running the same job three times.
      const transmission = await createPeppolTransmission(handle.db, org, id, "0208:0403170701");
      // The first attempt reached the access point, then crashed before recording it.
      const senderId = (await getPeppolSettings(handle.db, org))?.senderId;
      if (!senderId) throw new Error("The merchant has no sender id at the access point");
      const firstTry = await new StorecoveAccessPoint(KEY, quiet.apiUrl).submit({
        senderId,
        receiver: { scheme: "0208", id: "0403170701" },
        xml: "<Invoice><ID>first try</ID></Invoice>",
        idempotencyKey: transmission.idempotencyKey,
      });
      const job = { organisationId: org.organisationId, transmissionId: transmission.id };
      await sendOverPeppolHandler.run({ ...job, emailAlreadyQueued: false }, quietCtx);
      await sendOverPeppolHandler.run({ ...job, emailAlreadyQueued: false }, quietCtx);
      const sameKey = quiet.state.submissions.filter(
        (s) => s.idempotencyGuid === transmission.idempotencyKey,
      );
      expect(sameKey).toHaveLength(1);
      expect((await getPeppolTransmission(handle.db, org, transmission.id))?.accessPointId).toBe(
        firstTry.accessPointId,
      );
      expect((await eventsOf(org, id)).filter((k) => k === "peppol_sent")).toHaveLength(1);
    } finally {
      await quiet.close();
    }
  });

  it("does not queue a second transmission while one is on its way", async () => {
    const { id } = await issuedInvoice(t, ON_NETWORK);
    await createPeppolTransmission(handle.db, t, id, "0208:0403170701");
    expect(await queuePeppolSend(handle.db, t, id, boss)).toEqual({
      queued: false,
      reason: "already_on_its_way",
    });
  });

  it("sends a company customer without an email address over Peppol only", async () => {
    const { id } = await draftFor(t, ON_NETWORK, false);
    expect(await queueDocumentSends(handle.db, t, [id], boss, systemClock)).toMatchObject({
      queued: [id],
    });
    expect(await settled(t, id)).toMatchObject({ channel: "peppol", status: "delivered" });
    // Not registered on Peppol: without an email address it still waits as a concept.
    const unregistered = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    const stranger = await draftFor(unregistered, ON_NETWORK, false);
    expect(
      await queueDocumentSends(handle.db, unregistered, [stranger.id], boss, systemClock),
    ).toMatchObject({
      missingEmail: [stranger.id],
    });
    await expect(getDocument(handle.db, unregistered, stranger.id)).resolves.toMatchObject({
      document: { status: "concept" },
    });
  });

  it("leaves consumers and concepts off the network", async () => {
    const consumer = await issuedInvoice(t, null);
    expect(await queuePeppolSend(handle.db, t, consumer.id, boss)).toEqual({
      queued: false,
      reason: "not_b2b",
    });
    const draft = await createConcept(handle.db, t, concept());
    expect(await queuePeppolSend(handle.db, t, draft, boss)).toEqual({
      queued: false,
      reason: "not_issued",
    });
  });

  it("keeps each organisation to its own documents and transmissions", async () => {
    const { id } = await issuedInvoice(t, ON_NETWORK);
    const mine = await createPeppolTransmission(handle.db, t, id, "0208:0403170701");
    expect(await queuePeppolSend(handle.db, other, id, boss)).toEqual({
      queued: false,
      reason: "not_found",
    });
    expect(await listDocumentTransmissions(handle.db, other, id)).toEqual([]);
    await expect(
      sendOverPeppolHandler.run(
        {
          organisationId: other.organisationId,
          transmissionId: mine.id,
          emailAlreadyQueued: false,
        },
        ctx,
      ),
    ).rejects.toBeInstanceOf(PermanentJobError);
    expect((await getPeppolTransmission(handle.db, t, mine.id))?.status).toBe("queued");
  });

  it("waits, visibly, while the merchant is not registered on the network", async () => {
    const unregistered = tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);
    await activateApp(handle.db, unregistered, "peppol");
    const { id } = await issuedInvoice(unregistered, ON_NETWORK);
    await queuePeppolSend(handle.db, unregistered, id, boss);
    expect(await settled(unregistered, id)).toMatchObject({
      status: "waiting",
      reason: "not_registered",
    });
    expect(await eventsOf(unregistered, id)).toContain("peppol_waiting");
  });

  it("never delivers twice", async () => {
    const delivered = await issuedInvoice(t, ON_NETWORK);
    await queuePeppolSend(handle.db, t, delivered.id, boss);
    expect((await settled(t, delivered.id)).status).toBe("delivered");
    expect(await queuePeppolSend(handle.db, t, delivered.id, boss)).toEqual({
      queued: false,
      reason: "already_delivered",
    });
  });
});

/** A concept for a company with this VAT number, as the send flow finds it. */
async function draftFor(org: Tenant, vatNumber: string, withEmail = true) {
  const email = withEmail ? `auto-${uniqueSuffix()}@example.be` : null;
  const [customer] = await handle.db
    .insert(customers)
    .values(org.owned({ name: "An Claes", company: "Claes NV", vatNumber, email }))
    .returning();
  const id = await createConcept(handle.db, org, concept({ customerId: customer?.id ?? null }));
  return { id, email: email ?? "" };
}
