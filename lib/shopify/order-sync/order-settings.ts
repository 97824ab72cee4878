import { z } from "zod";

/**
 * What the merchant chose on the Shopify page: which document an order becomes,
 * on which Shopify action, and whether it leaves by email at once. Stored on the
 * connection; a change applies to orders that arrive afterwards.
 */
export const ORDER_DOCUMENT_TYPES = ["invoice", "order_form", "delivery_note"] as const;
export const ORDER_TRIGGERS = ["order_created", "order_paid", "order_fulfilled"] as const;

export type OrderDocumentType = (typeof ORDER_DOCUMENT_TYPES)[number];
export type OrderTrigger = (typeof ORDER_TRIGGERS)[number];

export const orderSettingsSchema = z.object({
  documentType: z.enum(ORDER_DOCUMENT_TYPES),
  trigger: z.enum(ORDER_TRIGGERS),
  autoSend: z.boolean(),
});

export type OrderSettings = z.infer<typeof orderSettingsSchema>;

/** A paid order is the safe moment for an invoice; sending waits for the merchant's review. */
export const DEFAULT_ORDER_SETTINGS: OrderSettings = {
  documentType: "invoice",
  trigger: "order_paid",
  autoSend: false,
};

/** The stored settings, or the defaults for anything missing or no longer valid. */
export function readOrderSettings(stored: unknown): OrderSettings {
  const partial = orderSettingsSchema.partial().safeParse(stored);
  return { ...DEFAULT_ORDER_SETTINGS, ...(partial.success ? stripUndefined(partial.data) : {}) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** "shopify_payments, Bank Deposit" → "Shopify Payments, Bank Deposit": gateway codes in words. */
export function gatewayLabel(reference: string | null | undefined): string {
  if (!reference) return "Shopify";
  return reference
    .split(",")
    .map((name) =>
      name
        .trim()
        .replace(/_/g, " ")
        .replace(/\b\p{Ll}/gu, (letter) => letter.toUpperCase()),
    )
    .join(", ");
}
