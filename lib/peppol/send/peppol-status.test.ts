import { describe, expect, it } from "vitest";
import type { PeppolTransmissionStatus } from "@/db/schema/peppol";
import { peppolDocumentStatus, peppolStatusNeedsAction } from "./peppol-status";

const belgianCompany = { vatNumber: "BE0403170701" };
const invoice = { type: "invoice" as const, status: "sent" as const, customer: belgianCompany };
const row = (
  status: PeppolTransmissionStatus,
  reason: string | null = null,
  channel = "peppol",
) => ({
  channel,
  status,
  reason,
});

describe("a document's Peppol status", () => {
  it.each([
    [null, "not_sent"],
    [row("sent", "not_on_peppol", "email"), "not_sent"], // an email fallback of before
    [row("queued"), "on_its_way"],
    [row("sent"), "on_its_way"],
    [row("waiting", "not_registered"), "waiting"],
    [row("invalid", "BR-CL-14"), "invalid"],
    [row("not_found", "not_on_peppol"), "not_found"],
    [row("failed", "buyer_not_on_peppol"), "not_on_peppol"],
    [row("failed", "Storecove POST answered 422"), "failed"],
    [row("rejected", "Unknown buyer reference"), "rejected"],
    [row("delivered"), "delivered"],
  ] as const)("latest transmission %j → %s", (latest, expected) => {
    expect(peppolDocumentStatus(invoice, latest)).toBe(expected);
  });

  it("concerns only issued invoices and credit notes to a Belgian VAT number", () => {
    expect(peppolDocumentStatus({ ...invoice, status: "concept" }, null)).toBeNull();
    expect(peppolDocumentStatus({ ...invoice, type: "order_form" }, null)).toBeNull();
    expect(peppolDocumentStatus({ ...invoice, type: "credit_note" }, null)).toBe("not_sent");
    expect(peppolDocumentStatus({ ...invoice, customer: null }, null)).toBeNull();
    expect(
      peppolDocumentStatus({ ...invoice, customer: { vatNumber: "NL859310447B01" } }, null),
    ).toBeNull();
    // A number with wrong check digits is no Belgian business on Peppol.
    expect(
      peppolDocumentStatus({ ...invoice, customer: { vatNumber: "BE0403170702" } }, null),
    ).toBeNull();
  });

  it("asks the merchant to act unless the document is on its way, delivered or being looked up", () => {
    expect(peppolStatusNeedsAction("waiting")).toBe(true);
    expect(peppolStatusNeedsAction("invalid")).toBe(true);
    expect(peppolStatusNeedsAction("not_on_peppol")).toBe(true);
    expect(peppolStatusNeedsAction("delivered")).toBe(false);
    expect(peppolStatusNeedsAction("not_found")).toBe(false);
  });
});
