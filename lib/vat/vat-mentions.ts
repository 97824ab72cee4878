import type { VatCategory } from "./vat-category";

export type MentionLanguage = "fr" | "nl" | "en" | "de";

export type VatMentionKey =
  | "reverse_charge"
  | "reverse_charge_domestic"
  | "intra_eu_supply"
  | "export"
  | "exempt"
  | "small_enterprise"
  | "outside_scope";

export interface VatMention {
  readonly category: VatCategory;
  /** Peppol VATEX code (BT-121) when one fits; otherwise the text alone is the reason (BT-120). */
  readonly vatexCode: string | null;
  /** The customer's VAT number must be printed too (art. 5 §1, 3° KB nr. 1). */
  readonly needsCustomerVatNumber: boolean;
  readonly text: Readonly<Record<MentionLanguage, string>>;
}

/**
 * Special mentions required on the invoice when no Belgian VAT is charged
 * (art. 5 §1, 9°–11° KB nr. 1), in the invoice language. Article numbers refer to
 * the Belgian VAT Code: WBTW (nl), CTVA (fr), MwStGB (de). Wording follows
 * docs/belgian-invoicing.md §2.2; the legal texts are the authority.
 */
export const VAT_MENTIONS: Readonly<Record<VatMentionKey, VatMention>> = {
  // Cross-border B2B services: the customer self-assesses under its own law, so the
  // Directive's bare wording is used and no Belgian article is cited.
  reverse_charge: {
    category: "AE",
    vatexCode: "VATEX-EU-AE",
    needsCustomerVatNumber: true,
    text: {
      fr: "Autoliquidation",
      nl: "Verlegging van heffing",
      en: "Reverse charge",
      de: "Steuerschuldnerschaft des Leistungsempfängers",
    },
  },
  // Belgian customer liable, e.g. works on immovable property (art. 51 §2, 5°).
  reverse_charge_domestic: {
    category: "AE",
    vatexCode: "VATEX-EU-AE",
    needsCustomerVatNumber: true,
    text: {
      fr: "Autoliquidation – art. 51 §2 CTVA",
      nl: "Verlegging van heffing – art. 51 §2 WBTW",
      en: "Reverse charge – art. 51 §2 Belgian VAT Code",
      de: "Steuerschuldnerschaft des Leistungsempfängers – Art. 51 §2 MwStGB",
    },
  },
  intra_eu_supply: {
    category: "K",
    vatexCode: "VATEX-EU-IC",
    needsCustomerVatNumber: true,
    text: {
      fr: "Livraison intracommunautaire exonérée – art. 39bis CTVA",
      nl: "Vrijgestelde intracommunautaire levering – art. 39bis WBTW",
      en: "Exempt intra-Community supply of goods – art. 39bis Belgian VAT Code",
      de: "Steuerfreie innergemeinschaftliche Lieferung – Art. 39bis MwStGB",
    },
  },
  export: {
    category: "G",
    vatexCode: "VATEX-EU-G",
    needsCustomerVatNumber: false,
    text: {
      fr: "Exonération – exportation, art. 39 CTVA",
      nl: "Vrijgesteld – uitvoer, art. 39 WBTW",
      en: "Exempt – export, art. 39 Belgian VAT Code",
      de: "Steuerbefreit – Ausfuhr, Art. 39 MwStGB",
    },
  },
  exempt: {
    category: "E",
    vatexCode: null,
    needsCustomerVatNumber: false,
    text: {
      fr: "Exonération – art. 44 CTVA",
      nl: "Vrijgesteld – art. 44 WBTW",
      en: "Exempt – art. 44 Belgian VAT Code",
      de: "Steuerbefreit – Art. 44 MwStGB",
    },
  },
  // No Belgian VATEX code exists for the franchise; the text is the reason.
  small_enterprise: {
    category: "E",
    vatexCode: null,
    needsCustomerVatNumber: false,
    text: {
      fr: "Régime particulier de franchise des petites entreprises",
      nl: "Bijzondere vrijstellingsregeling kleine ondernemingen",
      en: "Special exemption scheme for small enterprises",
      de: "Sonderregelung für Kleinunternehmen",
    },
  },
  outside_scope: {
    category: "O",
    vatexCode: "VATEX-EU-O",
    needsCustomerVatNumber: false,
    text: {
      fr: "Hors du champ d'application de la TVA",
      nl: "Buiten het toepassingsgebied van de btw",
      en: "Outside the scope of VAT",
      de: "Nicht im Anwendungsbereich der Mehrwertsteuer",
    },
  },
};

/**
 * The mention used when the merchant picked no specific one. S and Z need none
 * (0 % is a rate, not an exemption); the art. 44 and franchise cases of E differ,
 * so E defaults to art. 44 and the franchise must be chosen explicitly.
 */
export function defaultVatMentionKey(category: VatCategory): VatMentionKey | null {
  switch (category) {
    case "S":
    case "Z":
      return null;
    case "E":
      return "exempt";
    case "AE":
      return "reverse_charge";
    case "K":
      return "intra_eu_supply";
    case "G":
      return "export";
    case "O":
      return "outside_scope";
  }
}

export function vatMentionText(key: VatMentionKey, language: MentionLanguage): string {
  return VAT_MENTIONS[key].text[language];
}
