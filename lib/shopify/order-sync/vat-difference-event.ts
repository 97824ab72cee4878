import { z } from "zod";

/**
 * The activity-log event that holds a Shopify concept back because its tax is off the
 * per-rate VAT by more than a cent per line (order-mapping/vat-difference.ts). Its
 * details name each group, so the document page can say which rate and by how much.
 */
export const VAT_DIFFERENCE_EVENT = "shopify_vat_difference";

const groupSchema = z.object({
  /** Absent on events recorded before member states were kept: Belgian. */
  country: z.string().optional(),
  category: z.string(),
  rateBp: z.number().int(),
  shopifyCents: z.number().int(),
  perRateCents: z.number().int(),
  lines: z.number().int(),
});

export type VatDifferenceGroup = z.infer<typeof groupSchema>;

/** The groups of the latest such event in a document's log; [] when there is none. */
export function vatDifferenceGroups(
  events: readonly { kind: string; details: Record<string, unknown> }[],
): VatDifferenceGroup[] {
  const event = events.findLast((e) => e.kind === VAT_DIFFERENCE_EVENT);
  const parsed = z.object({ groups: z.array(groupSchema) }).safeParse(event?.details);
  return parsed.success ? parsed.data.groups : [];
}
