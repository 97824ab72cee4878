import { addDays, formatIsoDate } from "@/lib/calendar/calendar-days";
import {
  canTransition,
  isFinalised,
  type DocumentStatus,
  type DocumentType,
} from "./document-lifecycle";

/**
 * What a document's own data says about it: what is due, whether it is overdue, which
 * actions and notices the merchant gets. Pure (no database, no React): pages render
 * it, operations check it under their row lock, so the screen and the write agree.
 */

/** The amounts of a document; a document row fits. */
export interface Amounts {
  readonly totalCents: number;
  readonly paidCents: number;
}

/** What the rules read of a document; a document row fits. */
export interface DocumentFacts extends Amounts {
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  /** YYYY-MM-DD, or null (documents other than invoices). */
  readonly dueDate: string | null;
  readonly customer: {
    readonly email?: string | null;
    readonly vatNumber?: string | null;
  } | null;
  /** A concept made from an order its shop already took (some of) the money for. */
  readonly paidOnIssue?: {
    readonly method?: string;
    readonly reference?: string | null;
    readonly amountCents?: number;
  } | null;
  /** When the goods left, when known. */
  readonly deliveryDate?: string | null;
}

/** Total − paid, signed: negative once over-paid (UBL's PayableAmount, BR-CO-16). */
export function balanceCents(doc: Amounts): number {
  return doc.totalCents - doc.paidCents;
}

/** What the customer still has to pay: never below zero. */
export function amountDue(doc: Amounts): number {
  return Math.max(balanceCents(doc), 0);
}

/** What was paid beyond the total: money to give back. */
export function overpaidCents(doc: Amounts): number {
  return Math.max(-balanceCents(doc), 0);
}

/** How an invoice stands for its customer; null for other types. */
export type PaymentSummary = "paid" | "partially_paid" | "to_pay";

export function paymentSummary(
  doc: Pick<DocumentFacts, "type" | "status" | "paidCents">,
): PaymentSummary | null {
  if (doc.type !== "invoice") return null;
  if (doc.status === "paid") return "paid";
  return doc.paidCents > 0 ? "partially_paid" : "to_pay";
}

/** A sent or partly paid invoice: the customer still owes it (whatever the date). */
function isUnpaidInvoice(doc: Pick<DocumentFacts, "type" | "status">): boolean {
  return doc.type === "invoice" && (doc.status === "sent" || doc.status === "partially_paid");
}

/** Past its due date and not (fully) paid; `today` is the Brussels day. */
export function isOverdue(
  doc: Pick<DocumentFacts, "type" | "status" | "dueDate">,
  today: string,
): boolean {
  return isUnpaidInvoice(doc) && doc.dueDate !== null && doc.dueDate < today;
}

export type ReminderRefusal = "not_found" | "not_unpaid" | "not_due_yet" | "missing_email";

/** Why no reminder can go out for this document today (the email is checked apart). */
export function reminderRefusal(
  doc: Pick<DocumentFacts, "type" | "status" | "dueDate"> | null,
  today: string,
): Exclude<ReminderRefusal, "missing_email"> | null {
  if (!doc || doc.type !== "invoice") return "not_found";
  if (!isUnpaidInvoice(doc)) return "not_unpaid";
  if (!isOverdue(doc, today)) return "not_due_yet";
  return null;
}

/** An invoice the customer can pay now, online or by hand: issued, unpaid, something due. */
export function isPayable(doc: Pick<DocumentFacts, "type" | "status"> & Amounts): boolean {
  return isUnpaidInvoice(doc) && amountDue(doc) > 0;
}

export type PaymentRefusal = "not_positive" | "in_future" | "exceeds_due";

/**
 * Whether the merchant may record this payment ("mark as paid"): a positive amount,
 * not dated after today, at most what is due. Money a provider or the bank reports
 * is not checked here: it arrived, so it is recorded, an over-payment included.
 */
export function merchantPaymentRefusal(
  doc: Amounts,
  payment: { readonly amountCents: number; readonly paidOn: string },
  today: string,
): PaymentRefusal | null {
  if (!Number.isSafeInteger(payment.amountCents) || payment.amountCents <= 0) return "not_positive";
  if (payment.paidOn > today) return "in_future";
  if (payment.amountCents > amountDue(doc)) return "exceeds_due";
  return null;
}

/** How much of an invoice may still be credited, given what issued credit notes took. */
export function creditRoomCents(invoice: Pick<Amounts, "totalCents">, creditedCents: number) {
  return Math.max(invoice.totalCents - creditedCents, 0);
}

/** A finalised invoice with something left to credit (a paid one may still be refunded). */
export function isCreditable(
  invoice: Pick<DocumentFacts, "type" | "status" | "totalCents">,
  creditedCents: number,
): boolean {
  return (
    invoice.type === "invoice" &&
    isFinalised(invoice.status) &&
    creditRoomCents(invoice, creditedCents) > 0
  );
}

/** What an issued credit note settles on its invoice: its amount, at most what is due. */
export function settledByCreditNote(invoice: Amounts, creditNoteCents: number): number {
  return Math.max(Math.min(amountDue(invoice), creditNoteCents), 0);
}

/** What a concept made from a paid order carries: what its shop received. */
export interface PaidOnIssueFacts {
  readonly totalCents: number;
  readonly paidOnIssue?: DocumentFacts["paidOnIssue"];
}

/**
 * What is recorded as paid when the concept is issued: exactly what the shop received
 * (a partially paid order's deposit), never the total of an edited concept. Concepts
 * made before amounts were kept were paid in full.
 */
export function paidOnIssueCents(doc: PaidOnIssueFacts): number {
  if (!doc.paidOnIssue) return 0;
  return doc.paidOnIssue.amountCents ?? doc.totalCents;
}

/** Whether the concept will be issued as paid in full (paid texts, no payment link). */
export function paidInFullOnIssue(doc: PaidOnIssueFacts): boolean {
  return Boolean(doc.paidOnIssue) && paidOnIssueCents(doc) >= doc.totalCents;
}

/** Days before the art. 4 deadline from which a concept is flagged "issue by …". */
export const ISSUE_SOON_DAYS = 5;

export interface DeadlineFacts {
  readonly type: DocumentType;
  readonly status: DocumentStatus;
  /** The taxable event, when known. */
  readonly supplyDate: string | null;
  /** A concept's date: the order's date for a Shopify concept, the merchant's otherwise. */
  readonly issueDate: string;
}

/**
 * Art. 4 KB nr. 1: an invoice is issued by the 15th of the month after the month of the
 * supply. The supply date when known, else the concept's own date (a Shopify concept is
 * dated on its order). Only invoice concepts have one: an issued invoice met it or not.
 */
export function issueDeadline(doc: DeadlineFacts): string | null {
  if (doc.type !== "invoice" || doc.status !== "concept") return null;
  const base = doc.supplyDate ?? doc.issueDate;
  const [year, month] = base.split("-").map(Number);
  if (!year || !month) return null;
  return month === 12 ? formatIsoDate(year + 1, 1, 15) : formatIsoDate(year, month + 1, 15);
}

export type DeadlineFlag =
  | { readonly state: "soon"; readonly deadline: string }
  | { readonly state: "late"; readonly deadline: string };

/**
 * The flag a concept carries in the list and on its page: "late" once the deadline has
 * passed, "issue by …" from ISSUE_SOON_DAYS before it; nothing otherwise.
 */
export function issueDeadlineFlag(doc: DeadlineFacts, today: string): DeadlineFlag | null {
  const deadline = issueDeadline(doc);
  if (deadline === null) return null;
  if (today > deadline) return { state: "late", deadline };
  if (today >= addDays(deadline, -ISSUE_SOON_DAYS)) return { state: "soon", deadline };
  return null;
}

/**
 * An intra-EU supply of goods (K) states when the goods left (BR-IC-11; the exemption's
 * proof): without a delivery date (or a supply date, which for K is the delivery) an
 * invoice or credit note with a K line cannot be issued.
 */
export function needsDeliveryDate(
  doc: Pick<DocumentFacts, "type"> & {
    readonly deliveryDate: string | null;
    readonly supplyDate: string | null;
  },
  lineCategories: readonly string[],
): boolean {
  return (
    isPeppolDocument(doc) &&
    lineCategories.includes("K") &&
    doc.deliveryDate === null &&
    doc.supplyDate === null
  );
}

/**
 * The day the goods left, when the document knows it: Shopify's fulfilment, or for an
 * intra-EU supply of goods its supply date (only the delivery makes that one taxable).
 * Never a payment date: that is not a delivery.
 */
export function knownDeliveryDate(
  doc: { readonly deliveryDate: string | null; readonly supplyDate: string | null },
  lineCategories: readonly string[],
): string | null {
  return doc.deliveryDate ?? (lineCategories.includes("K") ? doc.supplyDate : null);
}

/** Invoices and credit notes are the documents Peppol and UBL concern. */
export function isPeppolDocument(doc: Pick<DocumentFacts, "type">): boolean {
  return doc.type === "invoice" || doc.type === "credit_note";
}

/** What the document page knows beyond the document row. */
export interface DocumentContext {
  /** Today in Brussels, YYYY-MM-DD. */
  readonly today: string;
  /** A concept whose customer has no email but is reachable over Peppol. */
  readonly peppolOnly?: boolean;
  /** A transmission over Peppol was delivered. */
  readonly deliveredOverPeppol?: boolean;
  /** The VAT categories of the document's lines (K needs a delivery date). */
  readonly lineCategories?: readonly string[];
  /** Shopify's tax differs from the per-rate VAT beyond rounding (one cent per line). */
  readonly vatDifference?: boolean;
}

export interface DocumentState {
  readonly finalised: boolean;
  readonly dueCents: number;
  readonly overpaidCents: number;
  readonly payment: PaymentSummary | null;
  readonly overdue: boolean;
  /** Art. 4: a concept to issue soon, or late. */
  readonly deadline: DeadlineFlag | null;
  readonly actions: {
    /** Concepts: edit, send, delete, cancel. */
    readonly edit: boolean;
    readonly send: boolean;
    /** Send is offered but has nowhere to go (no email, no Peppol): it explains why. */
    readonly sendBlocked: boolean;
    readonly delete: boolean;
    readonly cancel: boolean;
    /** Finalised documents. */
    readonly sendAgain: boolean;
    readonly downloadPdf: boolean;
    readonly downloadUbl: boolean;
    readonly markPaid: boolean;
    readonly credit: boolean;
    readonly remind: boolean;
  };
  readonly notices: {
    /** A concept that will be issued as paid (its shop took the money). */
    readonly paidOnIssue: boolean;
    /** No email, but a Belgian company reachable over Peppol: it goes there. */
    readonly peppolOnly: boolean;
    /** No email and no Peppol: "add an email" (or "pick a customer"). */
    readonly noEmail: boolean;
    readonly noCustomer: boolean;
    /** A Belgian B2B invoice or credit note must go over Peppol, until it has. */
    readonly peppolB2b: boolean;
    /** A concept with an intra-EU supply of goods and no delivery date: enter it. */
    readonly deliveryDateRequired: boolean;
    /** A Shopify concept whose tax is off the per-rate VAT: check it before sending. */
    readonly vatDifference: boolean;
    /** A paid Shopify concept: what is recorded at issue is what Shopify received. */
    readonly paidOnIssueCents: number;
  };
}

/** Everything the document page decides, from the document and what it knows around it. */
export function documentState(
  doc: DocumentFacts & Partial<Pick<DeadlineFacts, "supplyDate" | "issueDate">>,
  context: DocumentContext,
): DocumentState {
  const concept = doc.status === "concept";
  const finalised = isFinalised(doc.status);
  const invoice = doc.type === "invoice";
  const hasEmail = Boolean(doc.customer?.email);
  const peppolOnly = concept && !hasEmail && Boolean(context.peppolOnly);
  const unreachable = concept && !hasEmail && !peppolOnly;
  return {
    finalised,
    dueCents: amountDue(doc),
    overpaidCents: overpaidCents(doc),
    payment: finalised ? paymentSummary(doc) : null,
    overdue: isOverdue(doc, context.today),
    deadline:
      doc.issueDate === undefined
        ? null
        : issueDeadlineFlag(
            { ...doc, supplyDate: doc.supplyDate ?? null, issueDate: doc.issueDate },
            context.today,
          ),
    actions: {
      edit: canTransition(doc.type, doc.status, "edit"),
      send: canTransition(doc.type, doc.status, "finalise"),
      sendBlocked: unreachable,
      delete: concept,
      cancel: canTransition(doc.type, doc.status, "cancel"),
      sendAgain: finalised,
      downloadPdf: finalised,
      downloadUbl: finalised && isPeppolDocument(doc),
      markPaid: finalised && invoice && doc.status !== "paid" && amountDue(doc) > 0,
      credit: finalised && invoice,
      remind: finalised && isOverdue(doc, context.today),
    },
    notices: {
      paidOnIssue: concept && Boolean(doc.paidOnIssue),
      peppolOnly,
      noEmail: unreachable && doc.customer !== null,
      noCustomer: unreachable && doc.customer === null,
      peppolB2b:
        finalised &&
        isPeppolDocument(doc) &&
        Boolean(doc.customer?.vatNumber?.startsWith("BE")) &&
        !context.deliveredOverPeppol,
      deliveryDateRequired:
        concept &&
        needsDeliveryDate(
          {
            type: doc.type,
            deliveryDate: doc.deliveryDate ?? null,
            supplyDate: doc.supplyDate ?? null,
          },
          context.lineCategories ?? [],
        ),
      vatDifference: concept && Boolean(context.vatDifference),
      paidOnIssueCents: concept ? paidOnIssueCents(doc) : 0,
    },
  };
}

/** What the Peppol card around a document knows. */
export interface PeppolContext {
  /** The Peppol app is set up (settings exist). */
  readonly active: boolean;
  /** The organisation is registered as a sender. */
  readonly registered: boolean;
  /** The buyer is a Belgian business reachable over Peppol. */
  readonly buyerOnPeppol: boolean;
  /** A transmission is queued, or sent over Peppol and waiting for delivery. */
  readonly waiting: boolean;
  readonly delivered: boolean;
}

/** Whether "Send via Peppol" or "register first" shows on the document's Peppol card. */
export function peppolSendState(
  doc: Pick<DocumentFacts, "type" | "status">,
  context: PeppolContext,
): { concerned: boolean; offerSend: boolean; askToRegister: boolean } {
  const concerned =
    context.active && isPeppolDocument(doc) && isFinalised(doc.status) && context.buyerOnPeppol;
  return {
    concerned,
    offerSend: concerned && context.registered && !context.waiting && !context.delivered,
    askToRegister: concerned && !context.registered,
  };
}
