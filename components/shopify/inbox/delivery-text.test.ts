import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/shopify-inbox.json";
import { orderLabel, outcomeMessageKey, topicMessageKey } from "./delivery-text";

/** Like next-intl's `t.has` on the English inbox messages. */
const has = (key: string) => {
  const node = key
    .split(".")
    .reduce<unknown>(
      (n, part) =>
        typeof n === "object" && n !== null ? (n as Record<string, unknown>)[part] : undefined,
      en,
    );
  return typeof node === "string";
};

describe("what the inbox says about a delivery", () => {
  it("translates every outcome code the handlers record", () => {
    const codes = [
      ["processed", "concept_created"],
      ["processed", "document_sent"],
      ["ignored", "document_exists"],
      ["processed", "marked_paid"],
      ["ignored", "waiting_for_order_created"],
      ["ignored", "waiting_for_order_paid"],
      ["ignored", "waiting_for_order_fulfilled"],
      ["ignored", "test_order"],
      ["processed", "concept_cancelled"],
      ["processed", "cancellation_noted"],
      ["processed", "credit_note_created"],
      ["ignored", "already_credited"],
      ["ignored", "already_cancelled"],
      ["ignored", "no_document"],
      ["ignored", "no_invoice"],
      ["failed", "invoice_still_concept"], // before issue 14; now waiting_for_invoice
      ["ignored", "waiting_for_invoice"],
      ["failed", "vat_difference"],
      ["failed", "delivery_date_required"],
      ["failed", "franchise_vat_charged"],
      ["failed", "totals_mismatch"],
      ["ignored", "invoice_cancelled"],
      ["ignored", "nothing_to_credit"],
      ["failed", "credit_exceeds_invoice"],
      ["failed", "partially_credited"],
      ["failed", "missing_email"],
      ["failed", "company_incomplete"],
      ["failed", "vat_number_required"],
      ["failed", "unexpected_payload"],
      ["failed", "unparseable"],
      ["failed", "processing_error"],
      ["failed", "order_not_found"],
      ["ignored", "unknown_shop"],
      ["ignored", "shop_disconnected"],
      ["ignored", "topic_not_used"],
      ["processed", "uninstalled"],
      ["ignored", "already_disconnected"],
      ["processed", "privacy_request_recorded"],
      ["processed", "customer_redacted"],
      ["processed", "shop_redacted"],
      ["ignored", "shop_connected_again"],
      ["ignored", "duplicate"],
    ] as const;
    for (const [status, outcome] of codes) {
      expect(outcomeMessageKey({ status, outcome, error: null }, has)).toBe(`outcomes.${outcome}`);
    }
  });

  it("says something useful for a code it does not know, and while waiting", () => {
    const unknown = { outcome: "brand_new_code", error: null };
    expect(outcomeMessageKey({ ...unknown, status: "failed" }, has)).toBe(
      "outcomes.unknownProblem",
    );
    expect(outcomeMessageKey({ ...unknown, status: "processed" }, has)).toBe("outcomes.unknown");
    expect(outcomeMessageKey({ status: "failed", outcome: null, error: "x" }, has)).toBe(
      "outcomes.unknownProblem",
    );
    expect(outcomeMessageKey({ status: "received", outcome: null, error: null }, has)).toBe(
      "outcomes.pending",
    );
    expect(outcomeMessageKey({ status: "received", outcome: null, error: "502" }, has)).toBe(
      "outcomes.pendingRetry",
    );
  });

  it("names topics in words, and leaves an unknown one as Shopify wrote it", () => {
    expect(topicMessageKey("orders/paid", has)).toBe("topics.orders/paid");
    expect(topicMessageKey("refunds/create", has)).toBe("topics.refunds/create");
    expect(topicMessageKey("inventory_levels/update", has)).toBeNull();
  });

  it("shows the order's name, else its Shopify id", () => {
    expect(orderLabel({ orderName: "#1042", orderId: "5001" })).toBe("#1042");
    expect(orderLabel({ orderName: null, orderId: "5001" })).toBe("5001");
    expect(orderLabel({ orderName: null, orderId: null })).toBeNull();
  });
});
