import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { tenant, type Tenant } from "../tenant";
import { concept } from "../testing/document-factory";
import { createOrg, createUser, openTestDb } from "../testing/test-db";
import { activateApp } from "./apps";
import { createConcept } from "@/lib/documents/create-concept";
import { getPeppolSettings, updatePeppolSettings } from "./peppol-settings";
import {
  claimCopyEmail,
  createPeppolTransmission,
  findTransmissionForOutcome,
  getPeppolTransmission,
  listDocumentTransmissions,
  markTransmissionSubmitted,
  openTransmissionOf,
  settleTransmission,
} from "./peppol-transmissions";

let handle: DbHandle;
let t: Tenant;
let other: Tenant;

const org = async () => tenant((await createOrg(handle.db, (await createUser(handle.db)).id)).id);

beforeAll(async () => {
  handle = await openTestDb();
  t = await org();
  other = await org();
}, 60_000);

afterAll(() => handle.close());

describe("Peppol transmissions", () => {
  it("moves forward only: an outcome heard twice, or after another, changes nothing", async () => {
    const documentId = await createConcept(handle.db, t, concept());
    const row = await createPeppolTransmission(handle.db, t, documentId, "0208:0403170701");
    expect(row).toMatchObject({ status: "queued", channel: "peppol" });
    expect(row.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);

    await markTransmissionSubmitted(handle.db, t, row.id, "0208:0403170701", "ap-guid-1");
    expect(await settleTransmission(handle.db, t, row.id, "rejected", "No PO")).toMatchObject({
      status: "rejected",
      reason: "No PO",
    });
    expect(await settleTransmission(handle.db, t, row.id, "delivered", null)).toBeNull();
    expect((await getPeppolTransmission(handle.db, t, row.id))?.status).toBe("rejected");
    expect(await openTransmissionOf(handle.db, t, documentId)).toBeNull();
  });

  it("lets only one caller queue the buyer's copy, and only when the send asked for one", async () => {
    const documentId = await createConcept(handle.db, t, concept());
    const row = await createPeppolTransmission(handle.db, t, documentId, null, { copyEmail: true });
    expect(await claimCopyEmail(handle.db, t, row.id)).toBe(true);
    expect(await claimCopyEmail(handle.db, t, row.id)).toBe(false);
    const alone = await createPeppolTransmission(handle.db, t, documentId, null);
    expect(await claimCopyEmail(handle.db, t, alone.id)).toBe(false);
  });

  it("finds an outcome's transmission and organisation by the access point's id or our key", async () => {
    const documentId = await createConcept(handle.db, t, concept());
    const row = await createPeppolTransmission(handle.db, t, documentId, "0208:0403170701");
    await markTransmissionSubmitted(handle.db, t, row.id, "0208:0403170701", "ap-guid-2");
    const expected = { id: row.id, organisationId: t.organisationId, documentId };
    expect(
      await findTransmissionForOutcome(handle.db, {
        accessPointId: "ap-guid-2",
        idempotencyKey: null,
      }),
    ).toEqual(expected);
    expect(
      await findTransmissionForOutcome(handle.db, {
        accessPointId: null,
        idempotencyKey: row.idempotencyKey,
      }),
    ).toEqual(expected);
    expect(
      await findTransmissionForOutcome(handle.db, { accessPointId: null, idempotencyKey: null }),
    ).toBeNull();
  });

  it("keeps every organisation to its own rows", async () => {
    const documentId = await createConcept(handle.db, t, concept());
    const row = await createPeppolTransmission(handle.db, t, documentId, null);
    expect(await getPeppolTransmission(handle.db, other, row.id)).toBeNull();
    expect(await listDocumentTransmissions(handle.db, other, documentId)).toEqual([]);
    expect(await openTransmissionOf(handle.db, other, documentId)).toBeNull();
    expect(await claimCopyEmail(handle.db, other, row.id)).toBe(false);
    expect(await settleTransmission(handle.db, other, row.id, "failed", "x")).toBeNull();
    await markTransmissionSubmitted(handle.db, other, row.id, "0208:0403170701", "stolen");
    expect(await getPeppolTransmission(handle.db, t, row.id)).toMatchObject({
      status: "queued",
      accessPointId: null,
    });
  });
});

describe("Peppol settings", () => {
  it("exist only while the app is active, and merge what changes", async () => {
    const merchant = await org();
    expect(await getPeppolSettings(handle.db, merchant)).toBeNull();
    await activateApp(handle.db, merchant, "peppol");
    expect(await getPeppolSettings(handle.db, merchant)).toEqual({
      autoSend: false,
      senderId: null,
      registeredAs: null,
    });
    await updatePeppolSettings(handle.db, merchant, {
      senderId: "1001",
      registeredAs: "0208:0403170701",
    });
    await updatePeppolSettings(handle.db, merchant, { autoSend: true });
    await updatePeppolSettings(handle.db, other, { autoSend: true }); // not active there: no row
    expect(await getPeppolSettings(handle.db, merchant)).toEqual({
      autoSend: true,
      senderId: "1001",
      registeredAs: "0208:0403170701",
    });
    expect(await getPeppolSettings(handle.db, other)).toBeNull();
  });
});
