import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { XMLValidator } from "fast-xml-parser";
import { HttpError, parseJsonBody, readBody, sendJson } from "@facturo/stand-in-http";
import { participantOf } from "./schemes";
import type { AccessPointState, Submission } from "./state";

export interface ApiOptions {
  /** The accepted key; unset: any Bearer key (dev). */
  apiKey?: string;
  /** How long the receiving side takes to answer, in ms. */
  deliveryDelayMs: number;
}

type Json = Record<string, unknown>;

/** 422 in Storecove's shape: a list of { source, details }. */
const refuse = (source: string, details: string) =>
  new HttpError(422, details, [{ source, details }]);

const str = (body: Json, key: string) => (typeof body[key] === "string" ? body[key] : "");

/** The subset of Storecove's API v2 that Facturo calls, under /api/v2. */
export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  state: AccessPointState,
  options: ApiOptions,
): Promise<void> {
  const auth = req.headers.authorization ?? "";
  const key = auth.startsWith("Bearer ") ? auth.slice(7) : "";
  if (!key || (options.apiKey !== undefined && key !== options.apiKey)) {
    throw new HttpError(401, "Unauthorized");
  }
  const method = req.method ?? "GET";
  const body = method === "POST" ? (parseJsonBody(await readBody(req)) as Json) : {};

  if (method === "POST" && path === "/discovery/receives") {
    const participant = participantOf(str(body, "scheme"), str(body, "identifier"));
    const found = participant !== null && state.participants.has(participant);
    return sendJson(res, 200, { code: found ? "OK" : "NOK" });
  }
  if (method === "POST" && path === "/legal_entities") {
    if (!str(body, "party_name")) throw refuse("party_name", "is required");
    const entity = {
      id: state.legalEntities.length + 1001,
      party_name: str(body, "party_name"),
      tenant_id: str(body, "tenant_id") || null,
      identifiers: [],
    };
    state.legalEntities.push(entity);
    return sendJson(res, 200, { id: entity.id, party_name: entity.party_name });
  }
  const identifiers = /^\/legal_entities\/(\d+)\/peppol_identifiers$/.exec(path);
  if (method === "POST" && identifiers) {
    const entity = state.legalEntities.find((e) => e.id === Number(identifiers[1]));
    if (!entity) throw new HttpError(404, "Not Found");
    const participant = participantOf(str(body, "scheme"), str(body, "identifier"));
    if (!participant) throw refuse("scheme", "is not a known identifier scheme");
    const identifier = {
      superscheme: str(body, "superscheme"),
      scheme: str(body, "scheme"),
      identifier: str(body, "identifier"),
    };
    entity.identifiers.push(identifier);
    state.participants.add(participant); // registered merchants can receive too
    return sendJson(res, 200, identifier);
  }
  if (method === "POST" && path === "/document_submissions") {
    return submitDocument(res, body, state, options);
  }
  const evidence = /^\/document_submissions\/([^/]+)\/evidence\/sending$/.exec(path);
  if (method === "GET" && evidence) {
    const found = state.submissions.find((s) => s.guid === evidence[1]);
    if (!found || found.outcome !== "succeeded") throw new HttpError(404, "Not Found");
    return sendJson(res, 200, {
      network: "peppol",
      receiver: found.receiver,
      evidence: { message_id: found.guid, receiving_accesspoint: "stand-in" },
      documents: [],
    });
  }
  if (method === "GET" && (path === "/webhook_instances/" || path === "/webhook_instances")) {
    const next = state.instances[0];
    if (!next) {
      res.writeHead(204).end();
      return;
    }
    return sendJson(res, 200, next);
  }
  const instance = /^\/webhook_instances\/([^/]+)$/.exec(path);
  if (method === "DELETE" && instance) {
    const index = state.instances.findIndex((i) => i.guid === instance[1]);
    if (index < 0) throw new HttpError(404, "Not Found");
    state.instances.splice(index, 1);
    res.writeHead(204).end();
    return;
  }
  throw new HttpError(404, `No route for ${method} ${path}`);
}

function submitDocument(
  res: ServerResponse,
  body: Json,
  state: AccessPointState,
  options: ApiOptions,
): void {
  const idempotencyGuid = str(body, "idempotencyGuid") || null;
  const repeated = idempotencyGuid ? state.submissionByIdempotency(idempotencyGuid) : undefined;
  // "Only the first one will be processed": the repeat gets the first one's guid.
  if (repeated) return sendJson(res, 200, { guid: repeated.guid });

  const legalEntityId = Number(body.legalEntityId);
  if (!state.legalEntities.some((e) => e.id === legalEntityId)) {
    throw refuse("legalEntityId", "is not one of your legal entities");
  }
  const routing = body.routing as { eIdentifiers?: { scheme?: string; id?: string }[] } | undefined;
  const target = routing?.eIdentifiers?.[0];
  const receiver = target && participantOf(target.scheme ?? "", target.id ?? "");
  if (!receiver) throw refuse("routing.eIdentifiers", "needs one identifier in a known scheme");
  const document = body.document as { rawDocumentData?: { document?: string } } | undefined;
  const xml = Buffer.from(document?.rawDocumentData?.document ?? "", "base64").toString("utf8");
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true) {
    throw refuse("document.rawDocumentData", `is not well-formed XML: ${wellFormed.err.msg}`);
  }
  if (!/<(\w+:)?(Invoice|CreditNote)[\s>]/.test(xml)) {
    throw refuse("document.rawDocumentData", "is neither a UBL Invoice nor a CreditNote");
  }
  const submission: Submission = {
    guid: randomUUID(),
    idempotencyGuid,
    legalEntityId,
    receiver,
    xml,
    outcome: "pending",
    details: null,
    receivedAt: new Date().toISOString(),
  };
  state.submissions.push(submission);
  setTimeout(() => state.settle(submission), options.deliveryDelayMs).unref();
  sendJson(res, 200, { guid: submission.guid });
}
