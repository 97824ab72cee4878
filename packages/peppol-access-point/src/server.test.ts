import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { participantOf } from "./schemes";
import { startPeppolAccessPoint, type RunningAccessPoint } from "./server";

/**
 * Storecove's API v2, the part Facturo uses (lib/peppol/transport/storecove-access-point.ts):
 * discovery, registering the merchant, sending a UBL document, and pulling the answers.
 */

const KEY = "ap-key-1";
const BUYER = "0208:0403170701"; // on the network from the start

let ap: RunningAccessPoint;

beforeAll(async () => {
  ap = await startPeppolAccessPoint({ port: 0, apiKey: KEY, deliveryDelayMs: 0 });
});
afterAll(() => ap.close());

async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
  key: string | null = KEY,
) {
  const response = await fetch(`${ap.apiUrl}${path}`, {
    method,
    headers: {
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

async function control<T = Record<string, unknown>>(method: string, path: string, body?: unknown) {
  const response = await fetch(`${ap.origin}/control${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const UBL = `<?xml version="1.0" encoding="UTF-8"?>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:ID>F2026-0001</cbc:ID>
</Invoice>`;
const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");

async function legalEntity(name = "Atelier Facturo") {
  const created = await api<{ id: number }>("POST", "/legal_entities", {
    party_name: name,
    tenant_id: "org-1",
  });
  expect(created.status).toBe(200);
  return created.body.id;
}

const submission = (legalEntityId: number, overrides: Record<string, unknown> = {}) => ({
  legalEntityId,
  idempotencyGuid: crypto.randomUUID(),
  routing: { eIdentifiers: [{ scheme: "BE:EN", id: "0403170701" }] },
  document: { documentType: "invoice", rawDocumentData: { document: base64(UBL) } },
  ...overrides,
});

/** Pulls answers until one about `guid` arrives, acknowledging each (as Facturo's job does). */
async function answerFor(guid: string) {
  for (;;) {
    const next = await api<{ guid: string; body: string }>("GET", "/webhook_instances/");
    if (next.status === 204) {
      await new Promise((resolve) => setImmediate(resolve));
      continue;
    }
    expect(next.status).toBe(200);
    expect((await api("DELETE", `/webhook_instances/${next.body.guid}`)).status).toBe(204);
    const event = JSON.parse(next.body.body) as Record<string, unknown>;
    if (event.guid === guid) return event;
  }
}

describe("the key", () => {
  it("refuses a missing or wrong key with 401", async () => {
    expect((await api("POST", "/discovery/receives", {}, null)).status).toBe(401);
    expect((await api("POST", "/discovery/receives", {}, "other")).status).toBe(401);
  });

  it("accepts any key when none is configured (development)", async () => {
    const open = await startPeppolAccessPoint({ port: 0 });
    try {
      const response = await fetch(`${open.apiUrl}/discovery/receives`, {
        method: "POST",
        headers: { Authorization: "Bearer whatever", "Content-Type": "application/json" },
        body: JSON.stringify({ scheme: "BE:EN", identifier: "0403170701" }),
      });
      expect(await response.json()).toEqual({ code: "OK" });
    } finally {
      await open.close();
    }
  });
});

describe("discovery (POST /discovery/receives)", () => {
  it("OK for a participant, NOK for anyone else or an unknown scheme", async () => {
    const ask = (scheme: string, identifier: string) =>
      api("POST", "/discovery/receives", {
        documentTypes: ["invoice"],
        network: "peppol",
        metaScheme: "iso6523-actorid-upis",
        scheme,
        identifier,
      });
    expect((await ask("BE:EN", "0403170701")).body).toEqual({ code: "OK" });
    expect((await ask("be:en", "0403170701")).body).toEqual({ code: "OK" });
    expect((await ask("BE:EN", "0999999999")).body).toEqual({ code: "NOK" });
    expect((await ask("XX:ID", "0403170701")).body).toEqual({ code: "NOK" });
  });

  it("a participant added through the control API is found", async () => {
    expect(
      (await control("POST", "/participants", { participant: "9925:BE0477472701" })).body,
    ).toEqual({ ok: true });
    const found = await api("POST", "/discovery/receives", {
      scheme: "BE:VAT",
      identifier: "BE0477472701",
    });
    expect(found.body).toEqual({ code: "OK" });
    expect((await control("POST", "/participants", { participant: "BE0477472701" })).status).toBe(
      400,
    );
  });

  it("maps Storecove's scheme names to ISO 6523 codes", () => {
    expect(participantOf("BE:EN", "0403170701")).toBe("0208:0403170701");
    expect(participantOf("GLN", "5400000000003")).toBe("0088:5400000000003");
    expect(participantOf("US:EIN", "1")).toBeNull();
  });
});

describe("registering the merchant", () => {
  it("creates a legal entity, then its identifier makes it a participant", async () => {
    const id = await legalEntity("Bakkerij Peeters");
    expect(id).toBeGreaterThan(1000);
    const identifier = await api("POST", `/legal_entities/${id}/peppol_identifiers`, {
      superscheme: "iso6523-actorid-upis",
      scheme: "BE:EN",
      identifier: "0123456749",
    });
    expect(identifier).toEqual({
      status: 200,
      body: { superscheme: "iso6523-actorid-upis", scheme: "BE:EN", identifier: "0123456749" },
    });
    expect(ap.state.participants.has("0208:0123456749")).toBe(true);
    expect(ap.state.legalEntities.find((e) => e.id === id)).toMatchObject({
      party_name: "Bakkerij Peeters",
      tenant_id: "org-1",
    });
  });

  it("refuses a legal entity without a name, an unknown entity and an unknown scheme", async () => {
    const nameless = await api("POST", "/legal_entities", { party_name: "" });
    expect(nameless).toEqual({
      status: 422,
      body: [{ source: "party_name", details: "is required" }],
    });
    const missing = await api("POST", "/legal_entities/99999/peppol_identifiers", {
      scheme: "BE:EN",
      identifier: "1",
    });
    expect(missing.status).toBe(404);
    const id = await legalEntity();
    const unknown = await api("POST", `/legal_entities/${id}/peppol_identifiers`, {
      scheme: "XX",
      identifier: "1",
    });
    expect(unknown).toMatchObject({ status: 422, body: [{ source: "scheme" }] });
  });
});

describe("sending (POST /document_submissions) and the answers", () => {
  it("accepts a UBL invoice, delivers it, answers succeeded and gives the evidence", async () => {
    const id = await legalEntity();
    const sent = await api<{ guid: string }>("POST", "/document_submissions", submission(id));
    expect(sent.status).toBe(200);
    const guid = sent.body.guid;
    expect(guid).toMatch(/^[0-9a-f-]{36}$/);
    expect(await answerFor(guid)).toMatchObject({
      event_type: "document_submission",
      event: "succeeded",
      guid,
      details: null,
    });
    const evidence = await api("GET", `/document_submissions/${guid}/evidence/sending`);
    expect(evidence).toMatchObject({
      status: 200,
      body: { network: "peppol", receiver: BUYER, evidence: { message_id: guid } },
    });
    const submissions = (
      await control<{ guid: string; xml?: string; bytes: number }[]>("GET", "/submissions")
    ).body;
    const stored = submissions.find((s) => s.guid === guid);
    expect(stored).toMatchObject({ outcome: "succeeded", receiver: BUYER, bytes: UBL.length });
    expect(stored?.xml).toBeUndefined();
  });

  it("a repeated idempotencyGuid answers the first guid and sends nothing new", async () => {
    const id = await legalEntity();
    const body = submission(id);
    const first = await api<{ guid: string }>("POST", "/document_submissions", body);
    const again = await api<{ guid: string }>("POST", "/document_submissions", body);
    expect(again.body.guid).toBe(first.body.guid);
    expect(
      ap.state.submissions.filter((s) => s.idempotencyGuid === body.idempotencyGuid),
    ).toHaveLength(1);
  });

  it("a receiver that refuses: the answer is failed, with its reason, and no evidence", async () => {
    await control("POST", "/rejections", {
      participant: "0208:0987654321",
      reason: "Unknown buyer reference",
    });
    const id = await legalEntity();
    const sent = await api<{ guid: string }>(
      "POST",
      "/document_submissions",
      submission(id, { routing: { eIdentifiers: [{ scheme: "BE:EN", id: "0987654321" }] } }),
    );
    const guid = sent.body.guid;
    expect(await answerFor(guid)).toMatchObject({
      event: "failed",
      guid,
      details: "Unknown buyer reference",
    });
    expect((await api("GET", `/document_submissions/${guid}/evidence/sending`)).status).toBe(404);
  });

  it.each([
    ["legalEntityId", { legalEntityId: 424242 }],
    ["routing.eIdentifiers", { routing: { eIdentifiers: [] } }],
    ["routing.eIdentifiers", { routing: { eIdentifiers: [{ scheme: "XX", id: "1" }] } }],
    [
      "document.rawDocumentData",
      { document: { rawDocumentData: { document: base64("<Invoice><open>") } } },
    ],
    [
      "document.rawDocumentData",
      { document: { rawDocumentData: { document: base64("<Order/>") } } },
    ],
  ])("refuses with 422 on %s", async (source, overrides) => {
    const id = await legalEntity();
    const refused = await api("POST", "/document_submissions", submission(id, overrides));
    expect(refused.status).toBe(422);
    const [finding, ...more] = refused.body as unknown as { source: string; details: string }[];
    expect(more).toEqual([]);
    expect(finding?.source).toBe(source);
    expect(finding?.details).toMatch(/\S/);
  });

  it("accepts a CreditNote, prefixed or not", async () => {
    const id = await legalEntity();
    const note = `<ubl:CreditNote xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"><x/></ubl:CreditNote>`;
    const sent = await api<{ guid: string }>(
      "POST",
      "/document_submissions",
      submission(id, { document: { rawDocumentData: { document: base64(note) } } }),
    );
    expect(sent.status).toBe(200);
  });

  it("answers 204 when no answer waits, and 404 to acknowledging an unknown one", async () => {
    while ((await api("GET", "/webhook_instances")).status === 200) {
      const next = await api<{ guid: string }>("GET", "/webhook_instances");
      await api("DELETE", `/webhook_instances/${next.body.guid}`);
    }
    expect((await api("GET", "/webhook_instances/")).status).toBe(204);
    expect((await api("DELETE", "/webhook_instances/nope")).status).toBe(404);
    expect((await api("GET", "/unknown")).status).toBe(404);
  });
});
