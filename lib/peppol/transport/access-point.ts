import type { PeppolParticipant } from "./participant";

/**
 * What Facturo needs from a Peppol access point (corner 2 of the four-corner model):
 * look a buyer up, register the merchant, send a UBL document once, and learn what
 * became of it. One implementation per provider; `storecove-access-point.ts` is the
 * one in use, and `packages/peppol-access-point` is its local stand-in.
 */
export interface PeppolAccessPoint {
  /** Can this participant receive invoices over Peppol? (the SMP lookup, through the access point) */
  canReceiveInvoices(participant: PeppolParticipant): Promise<boolean>;
  /** Registers the merchant as a sender (and receiver) on the network; returns its id at the access point. */
  registerSender(sender: SenderRegistration): Promise<{ senderId: string }>;
  /**
   * Hands a UBL Invoice or CreditNote over for delivery. The same `idempotencyKey`
   * sent twice is one delivery: the access point answers the first submission's id.
   */
  submit(submission: DocumentSubmission): Promise<{ accessPointId: string }>;
  /** The oldest unread delivery outcome, or null when there is none. */
  nextOutcome(): Promise<DeliveryOutcome | null>;
  /** Marks an outcome as read so `nextOutcome` moves on (after it was recorded). */
  acknowledge(outcomeId: string): Promise<void>;
}

export interface SenderRegistration {
  readonly legalName: string;
  readonly street: string;
  readonly postalCode: string;
  readonly city: string;
  readonly country: string;
  readonly participant: PeppolParticipant;
  /** Our organisation id, so the access point's records point back to the merchant. */
  readonly reference: string;
}

export interface DocumentSubmission {
  readonly senderId: string;
  readonly receiver: PeppolParticipant;
  readonly xml: string;
  /** A UUID, chosen once per transmission and reused by every retry. */
  readonly idempotencyKey: string;
}

export type DeliveryResult = "delivered" | "rejected" | "failed" | "pending";

export interface DeliveryOutcome {
  readonly outcomeId: string;
  readonly accessPointId: string | null;
  readonly idempotencyKey: string | null;
  readonly result: DeliveryResult;
  /** The access point's or the receiver's words, for a rejection or a failure. */
  readonly reason: string | null;
}

export type AccessPointErrorCode =
  /** The API key was refused: configuration, not something a retry fixes. */
  | "unauthorized"
  /** The access point refused the request itself (invalid document, unknown receiver scheme). */
  | "refused"
  /** Network trouble, a 5xx, a throttle: try again later. */
  | "unavailable";

export class AccessPointError extends Error {
  constructor(
    public readonly code: AccessPointErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AccessPointError";
  }

  /** Retrying the same request cannot help. */
  get permanent(): boolean {
    return this.code !== "unavailable";
  }
}
