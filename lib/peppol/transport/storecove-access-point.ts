import { z } from "zod";
import {
  AccessPointError,
  type DeliveryOutcome,
  type DeliveryResult,
  type DocumentSubmission,
  type PeppolAccessPoint,
  type SenderRegistration,
} from "./access-point";
import type { PeppolParticipant } from "./participant";
import { storecoveScheme } from "./storecove-schemes";

/** Storecove's production API; PEPPOL_AP_URL points elsewhere (sandbox, local stand-in). */
export const STORECOVE_API_URL = "https://api.storecove.com/api/v2";

const TIMEOUT_MS = 30_000;

/**
 * Storecove (storecove.com/docs, API v2), the access point Facturo sends through:
 * a platform API key (`Authorization: Bearer …`), one LegalEntity per merchant.
 *
 * - discovery: POST /discovery/receives → { code: "OK" | "NOK" }
 * - register:  POST /legal_entities, then POST /legal_entities/{id}/peppol_identifiers
 * - send:      POST /document_submissions with the UBL as `rawDocumentData` (base64,
 *              parseStrategy "ubl") and `idempotencyGuid`: "if you submit multiple
 *              documents with the same idempotencyGuid, only the first one will be
 *              processed" → { guid }
 * - outcomes:  webhooks in pull mode: GET /webhook_instances/ answers the oldest one
 *              ({ guid, body } with body a JSON string) or 204; DELETE
 *              /webhook_instances/{guid} acknowledges it. Pull instead of push: no
 *              public endpoint or shared secret to manage, and nothing is lost while
 *              Facturo is down.
 */
export class StorecoveAccessPoint implements PeppolAccessPoint {
  private readonly baseUrl: string;

  constructor(
    private readonly apiKey: string,
    baseUrl: string = STORECOVE_API_URL,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
  }

  async canReceiveInvoices(participant: PeppolParticipant): Promise<boolean> {
    const scheme = storecoveScheme(participant);
    if (!scheme) return false;
    const answer = await this.call("POST", "/discovery/receives", {
      documentTypes: ["invoice"],
      network: "peppol",
      metaScheme: "iso6523-actorid-upis",
      scheme,
      identifier: participant.id,
    });
    return discoverySchema.parse(answer.json).code === "OK";
  }

  async registerSender(sender: SenderRegistration): Promise<{ senderId: string }> {
    const scheme = this.schemeOf(sender.participant);
    const created = await this.call("POST", "/legal_entities", {
      party_name: sender.legalName,
      line1: sender.street,
      zip: sender.postalCode,
      city: sender.city,
      country: sender.country,
      tenant_id: sender.reference,
      advertisements: ["invoice"],
    });
    const { id } = idSchema.parse(created.json);
    await this.call("POST", `/legal_entities/${id}/peppol_identifiers`, {
      superscheme: "iso6523-actorid-upis",
      scheme,
      identifier: sender.participant.id,
    });
    return { senderId: String(id) };
  }

  async submit(submission: DocumentSubmission): Promise<{ accessPointId: string }> {
    const legalEntityId = Number(submission.senderId);
    if (!Number.isInteger(legalEntityId)) {
      throw new AccessPointError("refused", "The sender is not a Storecove legal entity id");
    }
    const answer = await this.call("POST", "/document_submissions", {
      legalEntityId,
      idempotencyGuid: submission.idempotencyKey,
      routing: {
        eIdentifiers: [{ scheme: this.schemeOf(submission.receiver), id: submission.receiver.id }],
      },
      document: {
        documentType: "invoice", // Storecove's type for invoices and credit notes alike
        rawDocumentData: {
          document: Buffer.from(submission.xml, "utf8").toString("base64"),
          parse: true,
          parseStrategy: "ubl",
        },
      },
    });
    return { accessPointId: guidSchema.parse(answer.json).guid };
  }

  async nextOutcome(): Promise<DeliveryOutcome | null> {
    const answer = await this.call("GET", "/webhook_instances/");
    if (answer.status === 204) return null;
    const instance = instanceSchema.parse(answer.json);
    const parsed = webhookBodySchema.safeParse(safeJson(instance.body));
    // Another kind of webhook (a received document…) is not ours to handle: read past it.
    if (!parsed.success || parsed.data.event_type !== "document_submission") {
      return {
        outcomeId: instance.guid,
        accessPointId: null,
        idempotencyKey: null,
        result: "pending",
        reason: null,
      };
    }
    const body = parsed.data;
    return {
      outcomeId: instance.guid,
      accessPointId: body.guid,
      idempotencyKey: body.idempotencyGuid ?? null,
      result: resultOf(body.event),
      reason: body.details ?? null,
    };
  }

  async acknowledge(outcomeId: string): Promise<void> {
    await this.call("DELETE", `/webhook_instances/${encodeURIComponent(outcomeId)}`);
  }

  private schemeOf(participant: PeppolParticipant): string {
    const scheme = storecoveScheme(participant);
    if (!scheme) {
      throw new AccessPointError("refused", `Storecove has no scheme for ${participant.scheme}`);
    }
    return scheme;
  }

  private async call(
    method: "GET" | "POST" | "DELETE",
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: unknown }> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${this.apiKey}`,
          Accept: "application/json",
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: "manual", // a redirect would carry the API key to a host nobody configured
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AccessPointError("unavailable", `Storecove ${method} ${path}: ${reason}`);
    }
    const text = await response.text();
    if (response.ok) return { status: response.status, json: text ? safeJson(text) : null };
    const what = `Storecove ${method} ${path} answered ${response.status}`;
    if (response.status === 401 || response.status === 403) {
      throw new AccessPointError("unauthorized", what);
    }
    if (response.status === 422 || response.status === 400 || response.status === 404) {
      throw new AccessPointError("refused", `${what}: ${errorDetails(text)}`);
    }
    throw new AccessPointError("unavailable", what);
  }
}

const discoverySchema = z.object({ code: z.string() });
const idSchema = z.object({ id: z.union([z.number().int(), z.string().regex(/^\d+$/)]) });
const guidSchema = z.object({ guid: z.string().min(1) });
const instanceSchema = z.object({ guid: z.string().min(1), body: z.string() });
const webhookBodySchema = z.object({
  event_type: z.string(),
  event: z.string(),
  guid: z.string().min(1),
  idempotencyGuid: z.string().nullish(),
  details: z.string().nullish(),
});

/**
 * Storecove's sending events: "succeeded" is the receiving access point's AS4 receipt;
 * "failed" is a refusal (by the receiving access point or the receiver's rules);
 * "no_action_taken" means nobody could be routed to. Anything else is on its way.
 */
function resultOf(event: string): DeliveryResult {
  if (event === "succeeded") return "delivered";
  if (event === "failed") return "rejected";
  if (event === "no_action_taken") return "failed";
  return "pending";
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** A 422's [{ source, details }] as one line; Storecove's own words, kept short. */
function errorDetails(text: string): string {
  const parsed = z
    .array(z.object({ source: z.string().nullish(), details: z.string().nullish() }))
    .safeParse(safeJson(text));
  const line = parsed.success
    ? parsed.data.map((e) => [e.source, e.details].filter(Boolean).join(": ")).join("; ")
    : text;
  return line.slice(0, 300);
}
