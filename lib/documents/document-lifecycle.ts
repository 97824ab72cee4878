/**
 * Document types and the lifecycle every document follows. A finalised document is
 * immutable (Belgian law): it is corrected by a credit note, never edited. The
 * transition map is a `Record` over every status, so adding a status without
 * deciding its transitions does not compile.
 */
export const documentTypes = ["order_form", "delivery_note", "invoice", "credit_note"] as const;
export type DocumentType = (typeof documentTypes)[number];

export const documentStatuses = ["concept", "sent", "partially_paid", "paid", "cancelled"] as const;
export type DocumentStatus = (typeof documentStatuses)[number];

/**
 * `record_payment` is the merchant saying "paid"; `receive_payment` is money a
 * provider or the bank reports, accepted even on a paid invoice (it is then an
 * over-payment the merchant must see, not an error that loses it).
 */
export type DocumentAction =
  "finalise" | "cancel" | "record_payment" | "receive_payment" | "undo_payment" | "edit";

const transitions: Record<DocumentStatus, Partial<Record<DocumentAction, DocumentStatus[]>>> = {
  concept: { edit: ["concept"], finalise: ["sent"], cancel: ["cancelled"] },
  sent: { record_payment: ["partially_paid", "paid"], receive_payment: ["partially_paid", "paid"] },
  partially_paid: {
    record_payment: ["partially_paid", "paid"],
    receive_payment: ["partially_paid", "paid"],
    undo_payment: ["sent", "partially_paid"],
  },
  paid: { receive_payment: ["paid"], undo_payment: ["sent", "partially_paid", "paid"] },
  cancelled: {},
};

/** Only invoices are paid; credit notes, order forms and delivery notes stop at sent. */
function allowedFor(type: DocumentType, action: DocumentAction): boolean {
  const paymentActions: DocumentAction[] = ["record_payment", "receive_payment", "undo_payment"];
  return !paymentActions.includes(action) || type === "invoice";
}

export class DocumentTransitionError extends Error {
  constructor(
    public readonly from: DocumentStatus,
    public readonly action: DocumentAction,
  ) {
    super(`A ${from} document cannot ${action.replace("_", " ")}`);
    this.name = "DocumentTransitionError";
  }
}

export const documentActions = [
  "finalise",
  "cancel",
  "record_payment",
  "receive_payment",
  "undo_payment",
  "edit",
] as const satisfies readonly DocumentAction[];

/** The statuses an action may lead to from `from`; empty when the action is not allowed. */
export function nextStatuses(
  type: DocumentType,
  from: DocumentStatus,
  action: DocumentAction,
): readonly DocumentStatus[] {
  const targets = transitions[from][action];
  return targets && allowedFor(type, action) ? targets : [];
}

export function canTransition(
  type: DocumentType,
  from: DocumentStatus,
  action: DocumentAction,
  to?: DocumentStatus,
): boolean {
  const targets = nextStatuses(type, from, action);
  return targets.length > 0 && (to === undefined || targets.includes(to));
}

export function assertTransition(
  type: DocumentType,
  from: DocumentStatus,
  action: DocumentAction,
  to?: DocumentStatus,
): void {
  if (!canTransition(type, from, action, to)) throw new DocumentTransitionError(from, action);
}

/** Sent, partially paid and paid documents carry a number and may never change. */
export function isFinalised(status: DocumentStatus): boolean {
  return status === "sent" || status === "partially_paid" || status === "paid";
}

/** The status an invoice reaches once `paidCents` of `totalCents` are paid. */
export function statusAfterPayment(totalCents: number, paidCents: number): DocumentStatus {
  return paidCents >= totalCents ? "paid" : paidCents > 0 ? "partially_paid" : "sent";
}
