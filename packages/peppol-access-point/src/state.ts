import { randomUUID } from "node:crypto";

/**
 * What the stand-in remembers: who is on the network, what was submitted, and the
 * webhook instances (delivery outcomes) waiting to be pulled. In memory, per server.
 */
export interface Submission {
  guid: string;
  idempotencyGuid: string | null;
  legalEntityId: number;
  /** `0208:0403170701`, as routed. */
  receiver: string;
  xml: string;
  outcome: "pending" | "succeeded" | "failed";
  details: string | null;
  receivedAt: string;
}

export interface WebhookInstance {
  guid: string;
  body: string;
}

export interface LegalEntity {
  id: number;
  party_name: string;
  tenant_id: string | null;
  identifiers: { superscheme: string; scheme: string; identifier: string }[];
}

export class AccessPointState {
  /** Participants as `scheme:id` with ISO 6523 codes (`0208:0403170701`). */
  readonly participants = new Set<string>();
  /** Receivers that refuse every document, with the reason their access point gives. */
  readonly rejections = new Map<string, string>();
  readonly submissions: Submission[] = [];
  readonly instances: WebhookInstance[] = [];
  readonly legalEntities: LegalEntity[] = [];

  constructor(initialParticipants: readonly string[]) {
    for (const p of initialParticipants) this.participants.add(p);
  }

  submissionByIdempotency(guid: string): Submission | undefined {
    return this.submissions.find((s) => s.idempotencyGuid === guid);
  }

  /** The receiving side answers: an outcome becomes a webhook instance to pull. */
  settle(submission: Submission): void {
    const refusal = this.rejections.get(submission.receiver);
    submission.outcome = refusal === undefined ? "succeeded" : "failed";
    submission.details = refusal ?? null;
    this.instances.push({
      guid: randomUUID(),
      body: JSON.stringify({
        event_type: "document_submission",
        event: submission.outcome,
        guid: submission.guid,
        idempotencyGuid: submission.idempotencyGuid,
        details: submission.details,
      }),
    });
  }
}
