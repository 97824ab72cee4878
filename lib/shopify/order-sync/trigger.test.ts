import { describe, expect, it } from "vitest";
import { gatewayLabel, readOrderSettings } from "./order-settings";
import { triggerHasFired } from "./trigger";

const order = (
  financialStatus: string | null,
  fulfillmentStatus: string | null = null,
  cancelled = false,
) => ({
  financialStatus,
  fulfillmentStatus,
  cancelled,
});

describe("triggerHasFired", () => {
  it.each([
    ["order_created", "orders/create", order("pending"), true],
    ["order_created", "orders/paid", order("paid"), true],
    ["order_paid", "orders/create", order("pending"), false],
    ["order_paid", "orders/create", order("paid"), true],
    ["order_paid", "orders/paid", order("pending"), true],
    ["order_paid", "orders/fulfilled", order("partially_refunded"), true],
    ["order_paid", "orders/updated", order("authorized"), false],
    ["order_fulfilled", "orders/paid", order("paid"), false],
    ["order_fulfilled", "orders/fulfilled", order("paid"), true],
    ["order_fulfilled", "orders/updated", order("paid", "fulfilled"), true],
    ["order_fulfilled", "orders/updated", order("paid", "partial"), false],
    ["order_created", "orders/create", order("paid", null, true), false],
    ["order_paid", "refunds/create", order("paid"), true],
  ] as const)("%s on %s (%j) → %s", (trigger, topic, state, fired) => {
    expect(triggerHasFired(trigger, topic, state)).toBe(fired);
  });
});

describe("readOrderSettings", () => {
  it("fills what is missing with the defaults", () => {
    expect(readOrderSettings({ autoSend: true })).toEqual({
      documentType: "invoice",
      trigger: "order_paid",
      autoSend: true,
    });
  });

  it("ignores settings that are no longer valid", () => {
    expect(readOrderSettings({ documentType: "credit_note", trigger: "x" })).toEqual({
      documentType: "invoice",
      trigger: "order_paid",
      autoSend: false,
    });
  });
});

describe("gatewayLabel", () => {
  it.each([
    ["shopify_payments", "Shopify Payments"],
    ["shopify_payments, Bank Deposit", "Shopify Payments, Bank Deposit"],
    [null, "Shopify"],
  ])("%j → %s", (reference, label) => {
    expect(gatewayLabel(reference)).toBe(label);
  });
});
