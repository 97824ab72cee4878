import { describe, expect, it } from "vitest";
import {
  assertTransition,
  canTransition,
  documentActions,
  documentStatuses,
  documentTypes,
  DocumentTransitionError,
  isFinalised,
  nextStatuses,
  statusAfterPayment,
  type DocumentAction,
  type DocumentStatus,
  type DocumentType,
} from "./document-lifecycle";

type Row = Partial<Record<DocumentAction, DocumentStatus[]>>;

/** Every document: a concept is edited, finalised or cancelled; nothing else moves it. */
const concept: Row = { edit: ["concept"], finalise: ["sent"], cancel: ["cancelled"] };

/**
 * The whole map, written out by hand: (type, status) → each allowed action and the
 * statuses it may lead to. Anything not listed is refused.
 */
const expected: Record<DocumentType, Record<DocumentStatus, Row>> = {
  invoice: {
    concept,
    sent: {
      record_payment: ["partially_paid", "paid"],
      receive_payment: ["partially_paid", "paid"],
    },
    partially_paid: {
      record_payment: ["partially_paid", "paid"],
      receive_payment: ["partially_paid", "paid"],
      undo_payment: ["sent", "partially_paid"],
    },
    // The merchant cannot say "paid" again; money a provider or the bank reports is
    // still taken (an over-payment), and a payment can be undone.
    paid: { receive_payment: ["paid"], undo_payment: ["sent", "partially_paid", "paid"] },
    cancelled: {},
  },
  // Only invoices are paid: the other types stop at sent.
  credit_note: { concept, sent: {}, partially_paid: {}, paid: {}, cancelled: {} },
  order_form: { concept, sent: {}, partially_paid: {}, paid: {}, cancelled: {} },
  delivery_note: { concept, sent: {}, partially_paid: {}, paid: {}, cancelled: {} },
};

const cases = documentTypes.flatMap((type) =>
  documentStatuses.flatMap((from) =>
    documentActions.map((action) => ({
      type,
      from,
      action,
      targets: expected[type][from][action] ?? [],
    })),
  ),
);

describe("the document lifecycle, every (type, status, action)", () => {
  it("covers all 4 types × 5 statuses × 6 actions", () => {
    expect(cases).toHaveLength(4 * 5 * 6);
  });

  it.each(cases)("$type $from --$action--> $targets", ({ type, from, action, targets }) => {
    expect([...nextStatuses(type, from, action)].sort()).toEqual([...targets].sort());
    expect(canTransition(type, from, action)).toBe(targets.length > 0);
    for (const to of documentStatuses) {
      expect(canTransition(type, from, action, to)).toBe(targets.includes(to));
      if (targets.includes(to))
        expect(() => assertTransition(type, from, action, to)).not.toThrow();
      else expect(() => assertTransition(type, from, action, to)).toThrow(DocumentTransitionError);
    }
  });
});

describe("statusAfterPayment", () => {
  it.each([
    [12100, 0, "sent"],
    [12100, 1, "partially_paid"],
    [12100, 12099, "partially_paid"],
    [12100, 12100, "paid"],
    [12100, 24200, "paid"], // over-paid is still paid
    [0, 0, "paid"], // a free invoice has nothing to pay
  ] as const)("%i total, %i paid → %s", (total, paid, status) => {
    expect(statusAfterPayment(total, paid)).toBe(status);
  });
});

describe("isFinalised", () => {
  it.each([
    ["concept", false],
    ["sent", true],
    ["partially_paid", true],
    ["paid", true],
    ["cancelled", false],
  ] as const)("%s → %s", (status, finalised) => {
    expect(isFinalised(status)).toBe(finalised);
  });
});
