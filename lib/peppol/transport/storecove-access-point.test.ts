import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPeppolAccessPoint, type RunningAccessPoint } from "@facturo/peppol-access-point";
import { waitFor } from "@/db/testing/wait-for";
import { AccessPointError } from "./access-point";
import { StorecoveAccessPoint } from "./storecove-access-point";

const KEY = "test-platform-key";
const UBL = `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><ID>F-1</ID></Invoice>`;

let ap: RunningAccessPoint;
let client: StorecoveAccessPoint;
let senderId: string;

beforeAll(async () => {
  ap = await startPeppolAccessPoint({ apiKey: KEY, deliveryDelayMs: 10 });
  client = new StorecoveAccessPoint(KEY, ap.apiUrl);
  ({ senderId } = await client.registerSender({
    legalName: "Atelier Sablon SRL",
    street: "Rue Haute 1",
    postalCode: "1000",
    city: "Bruxelles",
    country: "BE",
    participant: { scheme: "0208", id: "0417497106" },
    reference: "org-1",
  }));
});

afterAll(() => ap.close());

async function drainOutcomes() {
  const outcomes = [];
  for (let next = await client.nextOutcome(); next; next = await client.nextOutcome()) {
    outcomes.push(next);
    await client.acknowledge(next.outcomeId);
  }
  return outcomes;
}

describe("the Storecove access point, against its stand-in", () => {
  it("finds the buyer in the directory only once registered", async () => {
    expect(await client.canReceiveInvoices({ scheme: "0208", id: "0403170701" })).toBe(true);
    expect(await client.canReceiveInvoices({ scheme: "0208", id: "0202239951" })).toBe(false);
    // The merchant's own registration made it a participant too.
    expect(await client.canReceiveInvoices({ scheme: "0208", id: "0417497106" })).toBe(true);
    // A scheme Storecove has no name for is not looked up at all.
    expect(await client.canReceiveInvoices({ scheme: "0999", id: "x" })).toBe(false);
  });

  it("submits once per idempotency key and reports the delivery", async () => {
    const key = randomUUID();
    const submission = { senderId, receiver: { scheme: "0208", id: "0403170701" }, xml: UBL };
    const first = await client.submit({ ...submission, idempotencyKey: key });
    const again = await client.submit({ ...submission, idempotencyKey: key });
    expect(again.accessPointId).toBe(first.accessPointId);
    expect(ap.state.submissions.filter((s) => s.idempotencyGuid === key)).toHaveLength(1);
    expect(ap.state.submissions.at(-1)?.xml).toBe(UBL);

    const outcomes = await waitFor(async () => {
      const found = await drainOutcomes();
      return found.length > 0 ? found : undefined;
    });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({
      accessPointId: first.accessPointId,
      idempotencyKey: key,
      result: "delivered",
      reason: null,
    });
    expect(await client.nextOutcome()).toBeNull();
  });

  it("reports a receiver's refusal with its reason", async () => {
    ap.state.rejections.set("0208:0202239951", "Unknown purchase order");
    ap.state.participants.add("0208:0202239951");
    const { accessPointId } = await client.submit({
      senderId,
      receiver: { scheme: "0208", id: "0202239951" },
      xml: UBL,
      idempotencyKey: randomUUID(),
    });
    const [outcome] = await waitFor(async () => {
      const found = await drainOutcomes();
      return found.length > 0 ? found : undefined;
    });
    expect(outcome).toMatchObject({
      accessPointId,
      result: "rejected",
      reason: "Unknown purchase order",
    });
  });

  it("refuses a document that is not well-formed XML, permanently", async () => {
    const error = await client
      .submit({
        senderId,
        receiver: { scheme: "0208", id: "0403170701" },
        xml: "<Invoice><ID>broken</Invoice>",
        idempotencyKey: randomUUID(),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessPointError);
    expect(error).toMatchObject({ code: "refused", permanent: true });
    expect((error as Error).message).toContain("well-formed");
  });

  it("says when the key is wrong, and when the access point cannot be reached", async () => {
    const wrongKey = new StorecoveAccessPoint("not-the-key", ap.apiUrl);
    await expect(
      wrongKey.canReceiveInvoices({ scheme: "0208", id: "0403170701" }),
    ).rejects.toMatchObject({ code: "unauthorized" });
    const nowhere = new StorecoveAccessPoint(KEY, "http://localhost:9/api/v2");
    await expect(nowhere.nextOutcome()).rejects.toMatchObject({
      code: "unavailable",
      permanent: false,
    });
  });
});
