import {
  defaultVatMentionKey,
  VAT_MENTIONS,
  type MentionLanguage,
  type VatCategory,
  type VatMentionKey,
} from "@/lib/vat";
import { UblError } from "./ubl-error";

export interface ExemptionReason {
  /** VATEX code (BT-121), when the code list has one for the case. */
  readonly code: string | null;
  /** The legal mention printed on the PDF (BT-120), in the document's language. */
  readonly text: string;
}

export interface ExemptionContext {
  readonly language: MentionLanguage;
  readonly buyerVatNumber?: string | null;
  readonly mentions?: Partial<Record<VatCategory, VatMentionKey>> | null;
}

/**
 * The exemption reason of a VAT breakdown (BG-23), taken from the same mentions the PDF
 * prints (`lib/vat/vat-mentions.ts`), so paper and XML say the same thing:
 *
 * - S and Z: none; BR-S-10 and BR-Z-10 forbid one (0 % is a rate, not an exemption).
 * - AE → VATEX-EU-AE, K → VATEX-EU-IC, G → VATEX-EU-G, O → VATEX-EU-O, with the text.
 *   Peppol P0104–P0107 tie each of these codes to its category.
 * - E → text only, citing the Belgian article (art. 44, or the small-enterprise
 *   franchise): the VATEX list has no Belgian codes, and its EU codes name Directive
 *   articles that do not map one-to-one on art. 44. BR-E-10 accepts text alone.
 *
 * AE to a Belgian customer is the domestic reverse charge (art. 51 §2), as on the PDF.
 */
export function exemptionReason(
  category: VatCategory,
  context: ExemptionContext,
): ExemptionReason | null {
  const key = context.mentions?.[category] ?? defaultKey(category, context.buyerVatNumber);
  if (!key) return null;
  const mention = VAT_MENTIONS[key];
  if (mention.category !== category) {
    const message = `mention ${key} belongs to category ${mention.category}, not ${category}`;
    throw new UblError("invalid_vat_mention", message);
  }
  return { code: mention.vatexCode, text: mention.text[context.language] };
}

function defaultKey(category: VatCategory, buyerVatNumber?: string | null): VatMentionKey | null {
  if (category === "AE" && buyerVatNumber?.toUpperCase().startsWith("BE")) {
    return "reverse_charge_domestic";
  }
  return defaultVatMentionKey(category);
}
