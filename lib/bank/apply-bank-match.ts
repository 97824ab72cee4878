import type { Db } from "@/db/client";
import { lockBankLineToMatch, updateBankLine } from "@/db/queries/bank";
import { DocumentNotFoundError, lockDocument, type DocumentRow } from "@/db/queries/documents";
import { BANK_SOURCE } from "@/db/queries/payments";
import type { Tenant } from "@/db/tenant";
import type { Clock } from "@/lib/calendar/clock";
import { canTransition } from "@/lib/documents/document-lifecycle";
import { amountDue } from "@/lib/documents/document-state";
import { recordPayment, type PaymentResult } from "@/lib/payments/record-payment";

export interface ApplyBankMatchInput {
  lineId: string;
  invoiceId: string;
  /**
   * Who matched: the merchant (a suggestion confirmed, a line matched by hand) may only
   * pay an invoice with something due; the import also records money quoting a paid
   * invoice's structured communication, as an over-payment to refund.
   */
  by: "merchant" | "import";
  /** The matcher's rule (`structured_communication`…), `manual` for the merchant. */
  rule: string;
  /**
   * The matcher's share of the line beyond the invoice (it lets the earliest line of a
   * statement pay first); computed under the invoice's lock when not given.
   */
  overpaymentCents?: number;
}

export type BankMatchRefusal =
  /** Already matched or ignored (a second click, a replayed import), or not ours. */
  | "line_taken"
  | "invoice_not_found"
  /** Money in another currency is not this invoice's payment. */
  | "currency_differs"
  /** Not an issued invoice (a concept, a cancelled one, a credit note). */
  | "not_payable"
  /** The merchant picked an invoice with nothing left to pay. */
  | "nothing_due";

export type BankMatchResult =
  | { ok: true; payment: PaymentResult; overpaymentCents: number }
  | { ok: false; reason: BankMatchRefusal };

/**
 * A bank line pays an invoice: the whole line is recorded as a payment keyed by the
 * line (`bank:<line key>`), and the line is marked matched with what exceeds the
 * invoice. One transaction with the line and the invoice locked, so a double click,
 * an import running at the same time, or a crash half-way never leaves a payment
 * without its line or a line without its payment. A line the merchant matched to an
 * invoice it cannot pay goes back to the review list unmatched.
 */
export async function applyBankMatch(
  db: Db,
  t: Tenant,
  input: ApplyBankMatchInput,
  clock: Clock,
): Promise<BankMatchResult> {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const line = await lockBankLineToMatch(tx, t, input.lineId);
    if (!line) return { ok: false, reason: "line_taken" };
    const refuse = async (reason: BankMatchRefusal): Promise<BankMatchResult> => {
      if (input.by === "merchant") {
        await updateBankLine(tx, t, line.id, {
          status: "unmatched",
          invoiceId: null,
          rule: null,
          paidAt: null,
        });
      }
      return { ok: false, reason };
    };
    let invoice: DocumentRow;
    try {
      invoice = await lockDocument(tx, t, input.invoiceId);
    } catch (error) {
      if (error instanceof DocumentNotFoundError) return refuse("invoice_not_found");
      throw error;
    }
    if (line.currency !== invoice.currency) return refuse("currency_differs");
    if (!canTransition(invoice.type, invoice.status, "receive_payment")) {
      return refuse("not_payable");
    }
    const due = amountDue(invoice);
    if (input.by === "merchant" && due <= 0) return refuse("nothing_due");
    const overpaymentCents = input.overpaymentCents ?? Math.max(line.amountCents - due, 0);
    const payment = await recordPayment(
      tx,
      t,
      {
        invoiceId: invoice.id,
        amountCents: line.amountCents,
        method: "bank_transfer",
        paidOn: line.bookingDate,
        sourceKey: `${BANK_SOURCE}${line.lineKey}`,
        reference: line.structuredCommunication ?? line.freeText?.slice(0, 140) ?? null,
      },
      clock,
    );
    await updateBankLine(tx, t, line.id, {
      status: "matched",
      invoiceId: invoice.id,
      rule: input.rule,
      overpaymentCents,
      paidAt: now,
    });
    return { ok: true, payment, overpaymentCents };
  });
}
