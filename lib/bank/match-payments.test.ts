import { describe, expect, it } from "vitest";
import { createStructuredCommunication } from "@/lib/structured-communication/create-structured-communication";
import { readCodaFixture } from "./bank-fixtures.test-support";
import { matchStatementLines, type LineMatch, type OpenInvoice } from "./match-payments";
import { parseCoda } from "./parse-coda";
import type { StatementLine } from "./statement-types";

// docs/belgian-invoicing.md §1.3: F2026-000123 → +++202/6000/12320+++, F2026-000124 → +++202/6000/12421+++.
const DUPONT: OpenInvoice = {
  id: "inv-123",
  number: "F2026-000123",
  structuredCommunication: "202600012320",
  totalCents: 12100,
  paidCents: 0,
  customerName: "Café Dupont SRL",
  currency: "EUR",
};
const PEETERS: OpenInvoice = {
  id: "inv-124",
  number: "F2026-000124",
  structuredCommunication: "202600012421",
  totalCents: 50000,
  paidCents: 20000,
  customerName: "Jan Peeters",
  currency: "EUR",
};
const JANSSENS: OpenInvoice = {
  id: "inv-006",
  number: "F2026-000006",
  structuredCommunication: "202600000697",
  totalCents: 9999,
  paidCents: 0,
  customerName: "Marie Janssens",
  currency: "EUR",
};
const ACME_USD: OpenInvoice = {
  id: "inv-usd",
  number: "F2026-000200",
  structuredCommunication: createStructuredCommunication("2026000200"),
  totalCents: 12100,
  paidCents: 0,
  customerName: "Acme Inc",
  currency: "USD",
};
const INVOICES = [DUPONT, PEETERS, JANSSENS, ACME_USD];

let nextId = 0;
function line(overrides: Partial<StatementLine>): StatementLine {
  nextId += 1;
  return {
    lineId: `L${nextId}`,
    bookingDate: "2026-03-02",
    amountCents: 12100,
    currency: "EUR",
    ...overrides,
  };
}

/** Match one line and drop its id, for compact expectations. */
function matchOne(
  overrides: Partial<StatementLine>,
  invoices = INVOICES,
): Omit<LineMatch, "lineId"> {
  const [result] = matchStatementLines([line(overrides)], invoices);
  if (!result) throw new Error("no result");
  const { lineId: _lineId, ...rest } = result;
  return rest;
}

const matched = (invoiceId: string, rule: LineMatch["rule"], amountCents = 12100) => ({
  kind: "matched",
  invoiceId,
  rule,
  amountCents,
  partial: false,
});
const unmatched = (amountCents = 12100) => ({ kind: "unmatched", amountCents, partial: false });

describe("matchStatementLines: one line at a time", () => {
  it.each<[string, Partial<StatementLine>, object]>([
    // (a) structured communication
    [
      "OGM in the structured field",
      { structuredCommunication: "202600012320" },
      matched("inv-123", "structured_communication"),
    ],
    [
      "OGM typed in the free text",
      { freeText: "betaling +++202/6000/12320+++ dank u" },
      matched("inv-123", "structured_communication_in_text"),
    ],
    [
      "OGM typed bare in the free text",
      { freeText: "202600012320" },
      matched("inv-123", "structured_communication_in_text"),
    ],
    [
      "OGM typed with blanks",
      { freeText: "*** 202 6000 12320 ***" },
      matched("inv-123", "structured_communication_in_text"),
    ],
    [
      "invalid check digits in the structured field are ignored",
      { creditorReference: "202600012321", counterpartyName: "Nobody" },
      unmatched(),
    ],
    [
      "invalid check digits typed in the text are ignored",
      { freeText: "+++202/6000/12321+++" },
      unmatched(),
    ],
    ["a valid OGM of no open invoice", { structuredCommunication: "010806817183" }, unmatched()],
    [
      "the structured field wins over an invoice number in the text",
      { structuredCommunication: "202600012320", freeText: "F2026-000124" },
      matched("inv-123", "structured_communication"),
    ],
    // (b) invoice number
    [
      "invoice number in the text",
      { freeText: "Factuur F2026-000123 bedankt" },
      matched("inv-123", "invoice_number"),
    ],
    [
      "invoice number, lower case with a blank",
      { freeText: "facture f2026 000123" },
      matched("inv-123", "invoice_number"),
    ],
    [
      "invoice number without separator",
      { freeText: "F2026000123." },
      matched("inv-123", "invoice_number"),
    ],
    [
      "invoice number cut by padding",
      { freeText: "F2026-0001 23" },
      matched("inv-123", "invoice_number"),
    ],
    [
      "invoice number in the payer's end-to-end reference",
      { endToEndId: "F2026-000123" },
      matched("inv-123", "invoice_number"),
    ],
    ["a longer number is not the invoice number", { freeText: "F2026-0001234" }, unmatched()],
    ["a prefixed number is not the invoice number", { freeText: "XF2026-000123" }, unmatched()],
    // (c) suggestions
    [
      "exact amount and similar name",
      { counterpartyName: "DUPONT CAFE" },
      {
        kind: "suggested",
        invoiceId: "inv-123",
        rule: "amount_and_name",
        amountCents: 12100,
        partial: false,
      },
    ],
    ["exact amount, other name", { counterpartyName: "Garage Lambert" }, unmatched()],
    [
      "similar name, other amount",
      { counterpartyName: "Cafe Dupont", amountCents: 12000 },
      unmatched(12000),
    ],
    [
      "exact open amount of a partly paid invoice",
      { counterpartyName: "PEETERS JAN", amountCents: 30000 },
      {
        kind: "suggested",
        invoiceId: "inv-124",
        rule: "amount_and_name",
        amountCents: 30000,
        partial: false,
      },
    ],
    [
      "the total of a partly paid invoice is not its open amount",
      { counterpartyName: "PEETERS JAN", amountCents: 50000 },
      unmatched(50000),
    ],
    // amounts
    [
      "over-payment",
      { structuredCommunication: "202600012320", amountCents: 15000 },
      { ...matched("inv-123", "structured_communication", 15000), overpaymentCents: 2900 },
    ],
    [
      "partial payment",
      { structuredCommunication: "202600012421", amountCents: 10000 },
      { ...matched("inv-124", "structured_communication", 10000), partial: true },
    ],
    // what is never matched
    [
      "a debit",
      { structuredCommunication: "202600012320", amountCents: -12100 },
      { kind: "ignored_debit", amountCents: -12100, partial: false },
    ],
    ["another currency", { structuredCommunication: "202600012320", currency: "USD" }, unmatched()],
    [
      "another currency, by name",
      { counterpartyName: "Café Dupont", currency: "USD" },
      unmatched(),
    ],
    [
      "the same currency as a USD invoice",
      { structuredCommunication: ACME_USD.structuredCommunication ?? "", currency: "USD" },
      matched("inv-usd", "structured_communication"),
    ],
    ["a reversal", { structuredCommunication: "202600012320", reversal: true }, unmatched()],
    [
      "two invoice numbers in one transfer",
      { freeText: "F2026-000123 + F2026-000124" },
      { ...unmatched(), candidateInvoiceIds: ["inv-123", "inv-124"] },
    ],
  ])("%s", (_name, overrides, expected) => {
    expect(matchOne(overrides)).toEqual(expected);
  });

  it("never matches on a reference stored with bad check digits, or on short numbers", () => {
    const badStored = { ...DUPONT, structuredCommunication: "202600012321", number: "12" };
    expect(
      matchOne({ structuredCommunication: "202600012320", freeText: "12" }, [badStored]),
    ).toEqual(unmatched());
  });

  it("skips credit notes (negative totals)", () => {
    const creditNote = { ...DUPONT, totalCents: -12100 };
    expect(matchOne({ structuredCommunication: "202600012320" }, [creditNote])).toEqual(
      unmatched(),
    );
  });

  it("reports an invoice that was already paid as an over-payment", () => {
    const paid = { ...DUPONT, paidCents: 12100 };
    expect(matchOne({ structuredCommunication: "202600012320" }, [paid])).toEqual({
      ...matched("inv-123", "structured_communication"),
      overpaymentCents: 12100,
    });
  });
});

describe("matchStatementLines: several lines in one batch", () => {
  it("adds partial payments up, earliest booking first, whatever the input order", () => {
    const second = line({
      lineId: "second",
      bookingDate: "2026-03-05",
      amountCents: 20000,
      structuredCommunication: "202600012421",
    });
    const first = line({
      lineId: "first",
      bookingDate: "2026-03-01",
      amountCents: 10000,
      freeText: "F2026-000124",
    });
    // Peeters: 50 000 total, 20 000 paid before, 30 000 open.
    expect(matchStatementLines([second, first], INVOICES)).toEqual([
      {
        lineId: "second",
        kind: "matched",
        invoiceId: "inv-124",
        rule: "structured_communication",
        amountCents: 20000,
        partial: false,
      },
      {
        lineId: "first",
        kind: "matched",
        invoiceId: "inv-124",
        rule: "invoice_number",
        amountCents: 10000,
        partial: true,
      },
    ]);
  });

  it("turns the payment after the open amount into an over-payment", () => {
    const results = matchStatementLines(
      [
        line({ lineId: "a", amountCents: 20000, structuredCommunication: "202600012421" }),
        line({ lineId: "b", amountCents: 20000, structuredCommunication: "202600012421" }),
        line({ lineId: "c", amountCents: 5000, structuredCommunication: "202600012421" }),
      ],
      INVOICES,
    );
    expect(
      results.map((result) => [result.lineId, result.partial, result.overpaymentCents]),
    ).toEqual([
      ["a", true, undefined],
      ["b", false, 10000],
      ["c", false, 5000],
    ]);
  });

  it("makes references win over an earlier suggestion for the same open amount", () => {
    const guess = line({
      lineId: "guess",
      bookingDate: "2026-03-01",
      counterpartyName: "Cafe Dupont",
    });
    const paid = line({
      lineId: "paid",
      bookingDate: "2026-03-03",
      structuredCommunication: "202600012320",
    });
    expect(
      matchStatementLines([guess, paid], INVOICES).map((result) => [result.lineId, result.kind]),
    ).toEqual([
      ["guess", "unmatched"],
      ["paid", "matched"],
    ]);
  });

  it("suggests each invoice once", () => {
    const results = matchStatementLines(
      [line({ counterpartyName: "Dupont" }), line({ counterpartyName: "Dupont" })],
      INVOICES,
    );
    expect(results.map((result) => result.kind)).toEqual(["suggested", "unmatched"]);
  });

  it("suggests the most similar customer among invoices of the same amount", () => {
    const twin = { ...JANSSENS, id: "inv-twin", totalCents: 12100, customerName: "Dupont Immo" };
    const results = matchStatementLines(
      [line({ counterpartyName: "CAFE DUPONT" })],
      [twin, DUPONT],
    );
    expect(results[0]).toMatchObject({ kind: "suggested", invoiceId: "inv-123" });
  });

  it("keeps one result per line, in the input order", () => {
    const lines = [
      line({ bookingDate: "2026-03-09", amountCents: -500 }),
      line({ bookingDate: "2026-03-01", amountCents: 9999, freeText: "+++202/6000/00697+++" }),
      line({ bookingDate: "2026-03-05", amountCents: 1 }),
    ];
    expect(
      matchStatementLines(lines, INVOICES).map((result) => [result.lineId, result.kind]),
    ).toEqual(
      lines.map((statementLine, index) => [
        statementLine.lineId,
        ["ignored_debit", "matched", "unmatched"][index],
      ]),
    );
  });
});

describe("matchStatementLines on a real statement", () => {
  it("matches the OGM of the OCA CODA and ignores its debits", () => {
    const [statement] = parseCoda(
      readCodaFixture("oca-l10n-belgium_Ontvangen_CODA.2012-01-11-18.59.15.txt"),
    );
    const invoice: OpenInvoice = {
      id: "oca",
      number: "2012/0001",
      structuredCommunication: "240283842818",
      totalCents: 304445,
      paidCents: 0,
      customerName: "Partner 2",
      currency: "EUR",
    };
    const refund: OpenInvoice = {
      ...invoice,
      id: "kbc",
      number: "F2012-7",
      structuredCommunication: null,
      totalCents: 6374,
      customerName: "KBC Verzekeringen",
    };
    expect(matchStatementLines(statement?.lines ?? [], [invoice, refund])).toEqual([
      { lineId: "0001/0000", kind: "ignored_debit", amountCents: -43500, partial: false },
      {
        lineId: "0002/0000",
        kind: "matched",
        invoiceId: "oca",
        rule: "structured_communication",
        amountCents: 304445,
        partial: false,
      },
      { lineId: "0003/0000", kind: "ignored_debit", amountCents: -47904, partial: false },
      { lineId: "0004/0000", kind: "ignored_debit", amountCents: -47904, partial: false },
      {
        lineId: "0005/0000",
        kind: "suggested",
        invoiceId: "kbc",
        rule: "amount_and_name",
        amountCents: 6374,
        partial: false,
      },
    ]);
  });

  it("does not match the invalid OGMs of the php sample", () => {
    const [statement] = parseCoda(readCodaFixture("php-coda-parser_sample1.cod"));
    const results = matchStatementLines(statement?.lines ?? [], [
      { ...DUPONT, structuredCommunication: "000003505158", totalCents: 500 },
    ]);
    expect(results.map((result) => result.kind)).toEqual([
      "unmatched",
      "unmatched",
      "unmatched",
      "unmatched",
    ]);
  });
});
