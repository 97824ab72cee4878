import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../client";
import { tenant, type Tenant } from "../tenant";
import { concept } from "../testing/document-factory";
import { createOrg, createUser, openTestDb, uniqueSuffix } from "../testing/test-db";
import { createConcept } from "@/lib/documents/create-concept";
import {
  findOnlinePaymentOwner,
  insertOnlinePayment,
  latestOnlinePayment,
  listOnlinePayments,
} from "./online-payments";
import { finaliseDocument } from "@/lib/documents/finalise-document";
import { systemClock } from "@/lib/calendar/clock";

let handle: DbHandle;
let t: Tenant;
let other: Tenant;

beforeAll(async () => {
  handle = await openTestDb();
  const user = await createUser(handle.db);
  t = tenant((await createOrg(handle.db, user.id)).id);
  other = tenant((await createOrg(handle.db, user.id)).id);
});
afterAll(() => handle.close());

async function invoiceWithPayment(owner: Tenant) {
  const documentId = await createConcept(handle.db, owner, concept());
  await finaliseDocument(handle.db, owner, { documentId: documentId }, systemClock);
  const payment = await insertOnlinePayment(handle.db, owner, {
    documentId,
    provider: "mollie",
    providerPaymentId: `tr_${uniqueSuffix()}`,
    status: "open",
    amountCents: 1210,
    checkoutUrl: "https://www.mollie.com/checkout/x",
  });
  return { documentId, payment };
}

describe("online payments are tenant-scoped", () => {
  it("lists and finds the latest of the tenant's own rows only", async () => {
    const mine = await invoiceWithPayment(t);
    expect(await listOnlinePayments(handle.db, other, mine.documentId)).toEqual([]);
    expect(await latestOnlinePayment(handle.db, other, mine.documentId, "mollie")).toBeNull();
    expect((await latestOnlinePayment(handle.db, t, mine.documentId, "mollie"))?.status).toBe(
      "open",
    );
  });

  it("resolves a provider's payment id to the organisation that made it", async () => {
    const theirs = await invoiceWithPayment(other);
    const owner = await findOnlinePaymentOwner(
      handle.db,
      "mollie",
      theirs.payment.providerPaymentId,
    );
    expect(owner?.tenant.organisationId).toBe(other.organisationId);
    expect(
      await findOnlinePaymentOwner(handle.db, "bancontact", theirs.payment.providerPaymentId),
    ).toBeNull();
  });
});
