import { amountDue } from "@/lib/documents/document-state";
import { parseStructuredCommunication } from "@/lib/structured-communication/parse-structured-communication";
import { findStructuredCommunications } from "./find-structured-communications";
import { invoiceNumberPattern } from "./invoice-number-pattern";
import { nameSimilarity, NAME_SIMILARITY_THRESHOLD } from "./name-similarity";
import type { StatementLine } from "./statement-types";

export interface OpenInvoice {
  id: string;
  number: string;
  /** The 12 digits stored on the invoice, or null when it has none. */
  structuredCommunication: string | null;
  totalCents: number;
  /** Already paid before this batch of lines (earlier imports, Mollie…). */
  paidCents: number;
  customerName: string;
  currency: string;
}

export type MatchRule =
  /** (a) the bank's structured-communication field equals the invoice's OGM. */
  | "structured_communication"
  /** (a) a valid OGM typed in the free text equals the invoice's. */
  | "structured_communication_in_text"
  /** (b) the invoice number appears in the free text or the payer's reference. */
  | "invoice_number"
  /** (c) the exact open amount from a customer with a similar name: a suggestion only. */
  | "amount_and_name";

export type LineMatchKind = "matched" | "suggested" | "unmatched" | "ignored_debit";

export interface LineMatch {
  lineId: string;
  kind: LineMatchKind;
  invoiceId?: string;
  rule?: MatchRule;
  /** The line's amount (negative for an ignored debit). */
  amountCents: number;
  /** The part of the line beyond what was still open on the invoice. */
  overpaymentCents?: number;
  /** The invoice stays partly open after this line. */
  partial: boolean;
  /**
   * Unmatched because the line designates several invoices (one transfer for two
   * invoices, or a reference shared by two): the merchant splits it by hand.
   */
  candidateInvoiceIds?: string[];
}

interface Candidate {
  invoice: OpenInvoice;
  ogm: string | undefined;
  pattern: RegExp | undefined;
  /** What is still open, after the lines of this batch matched so far. */
  remaining: number;
}

/**
 * Matches bank statement lines to open invoices. Pure: the caller stores the result
 * (and marks suggestions for the merchant to confirm). Returns one result per line, in
 * the order of `lines`.
 *
 * Automatic matches, by the first rule that designates invoices:
 *   (a) structured communication (check digits valid) equal to the invoice's, from the
 *       bank's structured field, then from an OGM typed in the free text;
 *   (b) the invoice number in the free text or the payer's end-to-end reference.
 * A rule that designates several invoices stops there: unmatched, with the candidates.
 * Then, for lines still unmatched, (c) a suggestion: an invoice whose open amount equals
 * the line exactly and whose customer's name is similar to the counterparty's.
 *
 * Order of consumption: lines are taken by booking date, then in the order given (the
 * file's order), so the earliest payment pays first and a later one is the partial
 * rest or the over-payment, whatever order statements are passed in. All automatic
 * matches are made before any suggestion, so a suggestion never takes an open amount
 * that a reference in a later line pays, and suggestions do not consume amounts
 * (they are not payments until confirmed) but each invoice is suggested once.
 * Lines and invoices in different currencies never match; debits are ignored; reversals
 * (camt `RvslInd`) are not payments and stay unmatched.
 */
export function matchStatementLines(
  lines: readonly StatementLine[],
  openInvoices: readonly OpenInvoice[],
): LineMatch[] {
  const candidates: Candidate[] = openInvoices
    .filter((invoice) => invoice.totalCents > 0)
    .map((invoice) => {
      const parsed = invoice.structuredCommunication
        ? parseStructuredCommunication(invoice.structuredCommunication)
        : undefined;
      return {
        invoice,
        ogm: parsed?.ok ? parsed.digits : undefined,
        pattern: invoiceNumberPattern(invoice.number),
        remaining: amountDue(invoice),
      };
    });

  const order = lines
    .map((line, index) => ({ line, index }))
    .sort((a, b) =>
      a.line.bookingDate === b.line.bookingDate
        ? a.index - b.index
        : a.line.bookingDate < b.line.bookingDate
          ? -1
          : 1,
    );
  const results: (LineMatch | undefined)[] = lines.map(() => undefined);
  const eligible = (line: StatementLine) =>
    candidates.filter((candidate) => candidate.invoice.currency === line.currency);

  for (const { line, index } of order) {
    const base = { lineId: line.lineId, amountCents: line.amountCents, partial: false };
    if (line.amountCents < 0) {
      results[index] = { ...base, kind: "ignored_debit" };
      continue;
    }
    if (line.amountCents === 0 || line.reversal) {
      results[index] = { ...base, kind: "unmatched" };
      continue;
    }
    const found = findByReference(line, eligible(line));
    if (!found) continue;
    const [only, ...others] = found.candidates;
    if (!only || others.length > 0) {
      results[index] = {
        ...base,
        kind: "unmatched",
        candidateInvoiceIds: found.candidates.map((candidate) => candidate.invoice.id),
      };
      continue;
    }
    results[index] = {
      ...base,
      ...consume(only, line.amountCents),
      kind: "matched",
      rule: found.rule,
    };
  }

  const suggested = new Set<Candidate>();
  for (const { line, index } of order) {
    if (results[index]) continue;
    const base = { lineId: line.lineId, amountCents: line.amountCents, partial: false };
    const best = bestSuggestion(line, eligible(line), suggested);
    if (best) {
      suggested.add(best);
      results[index] = {
        ...base,
        kind: "suggested",
        invoiceId: best.invoice.id,
        rule: "amount_and_name",
      };
    } else {
      results[index] = { ...base, kind: "unmatched" };
    }
  }

  return results.map((result, index) => {
    if (!result) throw new Error(`Line ${index} was not classified`);
    return result;
  });
}

function findByReference(
  line: StatementLine,
  candidates: readonly Candidate[],
): { rule: MatchRule; candidates: Candidate[] } | undefined {
  if (line.structuredCommunication) {
    const byField = candidates.filter(
      (candidate) => candidate.ogm === line.structuredCommunication,
    );
    if (byField.length > 0) return { rule: "structured_communication", candidates: byField };
  }
  // The payer's own reference often carries what they typed, so search it with the text.
  const text = [line.freeText, line.endToEndId].filter(Boolean).join(" ");
  if (text === "") return undefined;
  const typedOgms = new Set(findStructuredCommunications(text));
  const byTypedOgm = candidates.filter(
    (candidate) => candidate.ogm && typedOgms.has(candidate.ogm),
  );
  if (byTypedOgm.length > 0)
    return { rule: "structured_communication_in_text", candidates: byTypedOgm };
  const byNumber = candidates.filter((candidate) => candidate.pattern?.test(text));
  if (byNumber.length > 0) return { rule: "invoice_number", candidates: byNumber };
  return undefined;
}

function consume(
  candidate: Candidate,
  amountCents: number,
): { invoiceId: string; partial: boolean; overpaymentCents?: number } {
  const open = candidate.remaining;
  candidate.remaining = Math.max(0, open - amountCents);
  const result = { invoiceId: candidate.invoice.id, partial: amountCents < open };
  return amountCents > open ? { ...result, overpaymentCents: amountCents - open } : result;
}

/** The most similar customer among invoices open for exactly this amount; ties: first given. */
function bestSuggestion(
  line: StatementLine,
  candidates: readonly Candidate[],
  alreadySuggested: ReadonlySet<Candidate>,
): Candidate | undefined {
  const name = line.counterpartyName;
  if (!name) return undefined;
  let best: { candidate: Candidate; score: number } | undefined;
  for (const candidate of candidates) {
    if (alreadySuggested.has(candidate) || candidate.remaining !== line.amountCents) continue;
    const score = nameSimilarity(name, candidate.invoice.customerName);
    if (score < NAME_SIMILARITY_THRESHOLD - 1e-9) continue;
    if (!best || score > best.score) best = { candidate, score };
  }
  return best?.candidate;
}
