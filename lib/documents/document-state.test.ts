import { describe, expect, it } from "vitest";
import type { DocumentStatus, DocumentType } from "./document-lifecycle";
import {
  amountDue,
  balanceCents,
  creditRoomCents,
  documentState,
  isCreditable,
  issueDeadline,
  issueDeadlineFlag,
  isOverdue,
  isPayable,
  knownDeliveryDate,
  merchantPaymentRefusal,
  needsDeliveryDate,
  overpaidCents,
  paidInFullOnIssue,
  paidOnIssueCents,
  paymentSummary,
  peppolSendState,
  reminderRefusal,
  settledByCreditNote,
  type DocumentFacts,
} from "./document-state";

const today = "2026-03-15";

function doc(overrides: Partial<DocumentFacts> = {}): DocumentFacts {
  return {
    type: "invoice",
    status: "sent",
    totalCents: 12100,
    paidCents: 0,
    dueDate: "2026-03-31",
    customer: { email: "jan@example.be", vatNumber: null },
    ...overrides,
  };
}

describe("amounts", () => {
  it.each([
    // total, paid → balance, due, over-paid
    [12100, 0, 12100, 12100, 0],
    [12100, 2100, 10000, 10000, 0],
    [12100, 12100, 0, 0, 0],
    [12100, 13100, -1000, 0, 1000],
    [0, 0, 0, 0, 0],
  ])("%i total, %i paid → balance %i, due %i, over-paid %i", (total, paid, balance, due, over) => {
    const amounts = { totalCents: total, paidCents: paid };
    expect(balanceCents(amounts)).toBe(balance);
    expect(amountDue(amounts)).toBe(due);
    expect(overpaidCents(amounts)).toBe(over);
  });
});

describe("paymentSummary", () => {
  it.each([
    ["invoice", "sent", 0, "to_pay"],
    ["invoice", "partially_paid", 100, "partially_paid"],
    ["invoice", "paid", 12100, "paid"],
    // A credit note can settle an invoice in full without a payment row: paid all the same.
    ["invoice", "paid", 0, "paid"],
    ["credit_note", "sent", 0, null],
    ["order_form", "sent", 0, null],
  ] as const)("%s %s with %i paid → %s", (type, status, paid, summary) => {
    expect(paymentSummary({ type, status, paidCents: paid })).toBe(summary);
  });
});

describe("overdue and reminders", () => {
  it.each([
    // type, status, due date → overdue, reminder refusal
    ["invoice", "sent", "2026-03-14", true, null],
    ["invoice", "partially_paid", "2026-03-01", true, null],
    ["invoice", "sent", today, false, "not_due_yet"], // due today is not late
    ["invoice", "sent", "2026-03-16", false, "not_due_yet"],
    ["invoice", "sent", null, false, "not_due_yet"],
    ["invoice", "paid", "2026-03-01", false, "not_unpaid"],
    ["invoice", "concept", "2026-03-01", false, "not_unpaid"],
    ["invoice", "cancelled", "2026-03-01", false, "not_unpaid"],
    ["credit_note", "sent", "2026-03-01", false, "not_found"],
    ["order_form", "sent", "2026-03-01", false, "not_found"],
  ] as const)("%s %s due %s → overdue %s, refusal %s", (type, status, dueDate, late, refusal) => {
    const d = doc({ type, status, dueDate });
    expect(isOverdue(d, today)).toBe(late);
    expect(reminderRefusal(d, today)).toBe(refusal);
  });

  it("refuses a reminder for no document", () => {
    expect(reminderRefusal(null, today)).toBe("not_found");
  });
});

describe("isPayable (online payment, mark as paid)", () => {
  it.each([
    ["invoice", "sent", 0, true],
    ["invoice", "partially_paid", 2100, true],
    ["invoice", "partially_paid", 12100, false], // nothing left, status not yet caught up
    ["invoice", "paid", 12100, false],
    ["invoice", "concept", 0, false],
    ["invoice", "cancelled", 0, false],
    ["credit_note", "sent", 0, false],
  ] as const)("%s %s with %i paid → %s", (type, status, paid, payable) => {
    expect(isPayable(doc({ type, status, paidCents: paid }))).toBe(payable);
  });

  it("a free invoice is not payable", () => {
    expect(isPayable(doc({ totalCents: 0 }))).toBe(false);
  });
});

describe("merchantPaymentRefusal", () => {
  it.each([
    // paid so far, amount, paid on → refusal
    [0, 12100, today, null],
    [0, 1, today, null],
    [2100, 10000, "2026-03-01", null],
    [0, 12101, today, "exceeds_due"],
    [2100, 10001, today, "exceeds_due"],
    [12100, 1, today, "exceeds_due"],
    [0, 0, today, "not_positive"],
    [0, -100, today, "not_positive"],
    [0, 10.5, today, "not_positive"],
    [0, 1000, "2026-03-16", "in_future"],
  ] as const)("%i paid, %i more on %s → %s", (paid, amount, paidOn, refusal) => {
    expect(
      merchantPaymentRefusal(doc({ paidCents: paid }), { amountCents: amount, paidOn }, today),
    ).toBe(refusal);
  });
});

describe("credit notes", () => {
  it.each([
    // type, status, total, credited → room, creditable
    ["invoice", "sent", 12100, 0, 12100, true],
    ["invoice", "paid", 12100, 0, 12100, true], // a refund
    ["invoice", "partially_paid", 12100, 2100, 10000, true],
    ["invoice", "paid", 12100, 12100, 0, false],
    ["invoice", "sent", 12100, 13000, 0, false],
    ["invoice", "concept", 12100, 0, 12100, false],
    ["invoice", "cancelled", 12100, 0, 12100, false],
    ["credit_note", "sent", 12100, 0, 12100, false],
    ["invoice", "sent", 0, 0, 0, false], // a free invoice has nothing to credit
  ] as const)(
    "%s %s of %i with %i credited → room %i, creditable %s",
    (type, status, total, credited, room, creditable) => {
      const invoice = doc({ type, status, totalCents: total });
      expect(creditRoomCents(invoice, credited)).toBe(room);
      expect(isCreditable(invoice, credited)).toBe(creditable);
    },
  );

  it.each([
    // invoice paid, credit note → settled
    [0, 12100, 12100],
    [0, 2100, 2100],
    [10000, 12100, 2100],
    [12100, 12100, 0],
    [13100, 12100, 0],
  ])("an invoice with %i paid, credited %i, is settled for %i", (paid, credit, settled) => {
    expect(settledByCreditNote(doc({ paidCents: paid }), credit)).toBe(settled);
  });
});

type Actions = ReturnType<typeof documentState>["actions"];
const none: Actions = {
  edit: false,
  send: false,
  sendBlocked: false,
  delete: false,
  cancel: false,
  sendAgain: false,
  downloadPdf: false,
  downloadUbl: false,
  markPaid: false,
  credit: false,
  remind: false,
};
const conceptActions = { ...none, edit: true, send: true, delete: true, cancel: true };
const issued = { ...none, sendAgain: true, downloadPdf: true };

describe("documentState: the actions a document offers", () => {
  const cases: [DocumentType, DocumentStatus, Partial<DocumentFacts>, Actions][] = [
    ["invoice", "concept", {}, conceptActions],
    ["credit_note", "concept", {}, conceptActions],
    ["order_form", "concept", {}, conceptActions],
    ["delivery_note", "concept", {}, conceptActions],
    ["invoice", "concept", { customer: null }, { ...conceptActions, sendBlocked: true }],
    ["invoice", "concept", { customer: { email: null } }, { ...conceptActions, sendBlocked: true }],
    ["invoice", "sent", {}, { ...issued, downloadUbl: true, markPaid: true, credit: true }],
    [
      "invoice",
      "sent",
      { dueDate: "2026-03-01" },
      { ...issued, downloadUbl: true, markPaid: true, credit: true, remind: true },
    ],
    [
      "invoice",
      "partially_paid",
      { paidCents: 2100, dueDate: "2026-03-01" },
      { ...issued, downloadUbl: true, markPaid: true, credit: true, remind: true },
    ],
    [
      "invoice",
      "paid",
      { paidCents: 12100, dueDate: "2026-03-01" },
      { ...issued, downloadUbl: true, credit: true },
    ],
    // A free invoice (sent, nothing due) cannot be marked paid.
    ["invoice", "sent", { totalCents: 0 }, { ...issued, downloadUbl: true, credit: true }],
    ["credit_note", "sent", { dueDate: "2026-03-01" }, { ...issued, downloadUbl: true }],
    ["order_form", "sent", {}, issued],
    ["delivery_note", "sent", {}, issued],
    ["invoice", "cancelled", {}, none],
    ["order_form", "cancelled", {}, none],
  ];
  it.each(cases)("%s %s %j", (type, status, overrides, actions) => {
    expect(documentState(doc({ type, status, ...overrides }), { today }).actions).toEqual(actions);
  });
});

describe("documentState: notices, amounts and payment", () => {
  it("a paid-on-issue concept says so", () => {
    const state = documentState(doc({ status: "concept", paidOnIssue: { method: "shopify" } }), {
      today,
    });
    expect(state.notices.paidOnIssue).toBe(true);
  });

  it.each([
    // email, customer, peppolOnly → notices
    [true, true, false, { peppolOnly: false, noEmail: false, noCustomer: false }],
    [false, true, true, { peppolOnly: true, noEmail: false, noCustomer: false }],
    [false, true, false, { peppolOnly: false, noEmail: true, noCustomer: false }],
    [false, false, false, { peppolOnly: false, noEmail: false, noCustomer: true }],
  ])("a concept: email %s, customer %s, Peppol only %s", (email, customer, peppol, notices) => {
    const d = doc({
      status: "concept",
      customer: customer ? { email: email ? "a@b.be" : null } : null,
    });
    expect(documentState(d, { today, peppolOnly: peppol }).notices).toMatchObject(notices);
  });

  it.each([
    // type, status, VAT number, delivered → Peppol B2B notice
    ["invoice", "sent", "BE0123456749", false, true],
    ["invoice", "paid", "BE0123456749", false, true],
    ["credit_note", "sent", "BE0123456749", false, true],
    ["invoice", "sent", "BE0123456749", true, false], // delivered: its job is done
    ["invoice", "sent", "NL123456789B01", false, false],
    ["invoice", "sent", null, false, false],
    ["invoice", "concept", "BE0123456749", false, false],
    ["order_form", "sent", "BE0123456749", false, false],
  ] as const)("%s %s %s delivered %s → %s", (type, status, vat, delivered, shown) => {
    const d = doc({ type, status, customer: { email: "a@b.be", vatNumber: vat } });
    expect(documentState(d, { today, deliveredOverPeppol: delivered }).notices.peppolB2b).toBe(
      shown,
    );
  });

  it("gives the amounts and the payment summary of an issued invoice", () => {
    expect(
      documentState(doc({ status: "partially_paid", paidCents: 2100 }), { today }),
    ).toMatchObject({
      finalised: true,
      dueCents: 10000,
      overpaidCents: 0,
      payment: "partially_paid",
    });
    expect(documentState(doc({ status: "paid", paidCents: 13100 }), { today })).toMatchObject({
      dueCents: 0,
      overpaidCents: 1000,
      payment: "paid",
    });
    expect(documentState(doc({ status: "concept" }), { today }).payment).toBeNull();
  });
});

describe("peppolSendState", () => {
  const ready = {
    active: true,
    registered: true,
    buyerOnPeppol: true,
    waiting: false,
    delivered: false,
  };
  it.each([
    ["invoice", "sent", ready, { concerned: true, offerSend: true, askToRegister: false }],
    ["credit_note", "paid", ready, { concerned: true, offerSend: true, askToRegister: false }],
    [
      "invoice",
      "sent",
      { ...ready, waiting: true },
      { concerned: true, offerSend: false, askToRegister: false },
    ],
    [
      "invoice",
      "sent",
      { ...ready, delivered: true },
      { concerned: true, offerSend: false, askToRegister: false },
    ],
    [
      "invoice",
      "sent",
      { ...ready, registered: false },
      { concerned: true, offerSend: false, askToRegister: true },
    ],
    [
      "invoice",
      "sent",
      { ...ready, active: false },
      { concerned: false, offerSend: false, askToRegister: false },
    ],
    [
      "invoice",
      "sent",
      { ...ready, buyerOnPeppol: false },
      { concerned: false, offerSend: false, askToRegister: false },
    ],
    ["invoice", "concept", ready, { concerned: false, offerSend: false, askToRegister: false }],
    ["order_form", "sent", ready, { concerned: false, offerSend: false, askToRegister: false }],
  ] as const)("%s %s %j → %j", (type, status, context, expected) => {
    expect(peppolSendState({ type, status }, context)).toEqual(expected);
  });
});

describe("art. 4 deadline: issue by the 15th of the month after the supply", () => {
  const concept = (supplyDate: string | null, issueDate = "2026-03-03") => ({
    type: "invoice" as const,
    status: "concept" as const,
    supplyDate,
    issueDate,
  });

  it.each([
    // supply date, concept date → deadline
    ["2026-03-03", "2026-03-20", "2026-04-15"],
    ["2026-03-31", "2026-03-31", "2026-04-15"],
    ["2026-12-01", "2026-12-24", "2027-01-15"],
    ["2026-01-31", "2026-02-10", "2026-02-15"],
    [null, "2026-03-03", "2026-04-15"], // unknown supply: the concept's (the order's) date
    [null, "2026-12-31", "2027-01-15"],
  ] as const)("supplied %s, concept of %s → %s", (supply, date, deadline) => {
    expect(issueDeadline(concept(supply, date))).toBe(deadline);
  });

  it.each([
    // today → flag (deadline 2026-04-15)
    ["2026-04-09", null],
    ["2026-04-10", { state: "soon", deadline: "2026-04-15" }], // 5 days before
    ["2026-04-15", { state: "soon", deadline: "2026-04-15" }], // the day itself
    ["2026-04-16", { state: "late", deadline: "2026-04-15" }],
    ["2026-09-01", { state: "late", deadline: "2026-04-15" }],
  ] as const)("on %s → %j", (today, flag) => {
    expect(issueDeadlineFlag(concept("2026-03-20"), today)).toEqual(flag);
  });

  it.each([
    ["invoice", "sent"],
    ["invoice", "paid"],
    ["invoice", "cancelled"],
    ["credit_note", "concept"],
    ["order_form", "concept"],
    ["delivery_note", "concept"],
  ] as const)("a %s %s has no deadline flag", (type, status) => {
    const facts = { ...concept("2026-01-02"), type, status };
    expect(issueDeadline(facts)).toBeNull();
    expect(issueDeadlineFlag(facts, "2026-12-31")).toBeNull();
  });

  it("the document page gets the same flag", () => {
    const state = documentState(
      { ...doc({ status: "concept" }), supplyDate: "2026-02-10", issueDate: "2026-02-11" },
      { today },
    );
    expect(state.deadline).toEqual({ state: "soon", deadline: "2026-03-15" });
  });
});

describe("what a paid Shopify concept records when it is issued", () => {
  it.each([
    // paid on issue, total → recorded, paid in full
    [null, 12100, 0, false],
    [{ method: "shopify" }, 12100, 12100, true], // older concepts: paid in full
    [{ method: "shopify", amountCents: 12100 }, 12100, 12100, true],
    [{ method: "shopify", amountCents: 5000 }, 12100, 5000, false], // a deposit
    [{ method: "shopify", amountCents: 12100 }, 15000, 12100, false], // edited upwards
    [{ method: "shopify", amountCents: 12100 }, 10000, 12100, true], // edited down: over-paid
    [{ method: "shopify", amountCents: 0 }, 0, 0, true], // a free order
  ] as const)("%j on %i → %i recorded, in full %s", (paidOnIssue, total, cents, full) => {
    const facts = { totalCents: total, paidOnIssue };
    expect(paidOnIssueCents(facts)).toBe(cents);
    expect(paidInFullOnIssue(facts)).toBe(full);
  });

  it("the concept's page shows what will be recorded", () => {
    const d = doc({ status: "concept", paidOnIssue: { method: "shopify", amountCents: 5000 } });
    expect(documentState(d, { today }).notices).toMatchObject({
      paidOnIssue: true,
      paidOnIssueCents: 5000,
    });
  });
});

describe("an intra-EU supply of goods needs its delivery date", () => {
  const facts = (deliveryDate: string | null, supplyDate: string | null) => ({
    type: "invoice" as const,
    deliveryDate,
    supplyDate,
  });

  it.each([
    [["K"], null, null, true],
    [["S", "K"], null, null, true],
    [["K"], "2026-03-02", null, false],
    [["K"], null, "2026-03-02", false], // entered by hand: for K the supply is the delivery
    [["S", "G"], null, null, false],
    [[], null, null, false],
  ] as const)(
    "lines %j, delivered %s, supplied %s → %s",
    (categories, delivery, supply, needed) => {
      expect(needsDeliveryDate(facts(delivery, supply), categories)).toBe(needed);
    },
  );

  it("a credit note too; an order form never", () => {
    expect(needsDeliveryDate({ ...facts(null, null), type: "credit_note" }, ["K"])).toBe(true);
    expect(needsDeliveryDate({ ...facts(null, null), type: "order_form" }, ["K"])).toBe(false);
  });

  it("the concept's page asks for it; an issued document no longer", () => {
    const context = { today, lineCategories: ["K"] };
    expect(documentState(doc({ status: "concept" }), context).notices.deliveryDateRequired).toBe(
      true,
    );
    expect(documentState(doc({ status: "sent" }), context).notices.deliveryDateRequired).toBe(
      false,
    );
  });
});

describe("the delivery date a document knows", () => {
  it.each([
    // delivery, supply, categories → known delivery date
    ["2026-03-02", "2026-03-01", ["S"], "2026-03-02"],
    [null, "2026-03-01", ["S"], null], // a supply date may be a payment: not a delivery
    [null, "2026-03-01", ["K"], "2026-03-01"], // intra-EU goods: the supply is the delivery
    [null, null, ["K"], null],
  ] as const)("delivered %s, supplied %s, %j → %s", (delivery, supply, categories, known) => {
    expect(knownDeliveryDate({ deliveryDate: delivery, supplyDate: supply }, categories)).toBe(
      known,
    );
  });
});
