import type { create } from "xmlbuilder2";
import { formatAmount } from "./ubl-amount";

/** UBL 2.1 namespaces: the root's own, aggregate (cac) and basic (cbc) components. */
export const UBL_NS = {
  invoice: "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
  creditNote: "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
  cac: "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
  cbc: "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
} as const;

/** An element under construction (xmlbuilder2 does not export its builder type by name). */
export type XmlNode = ReturnType<typeof create>;

/**
 * Text as XML 1.0 can carry it: characters XML forbids (control codes, lone surrogates)
 * would make the file unreadable for every receiver, so they go; surrounding spaces too.
 */
export function xmlText(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "").trim();
}

/**
 * A `cbc:` element with text, or nothing when the text is empty: Peppol refuses empty
 * elements (PEPPOL-EN16931-R008), so optional values are simply left out.
 */
export function cbc(
  parent: XmlNode,
  name: string,
  value: string | null | undefined,
  attributes?: Record<string, string>,
): void {
  const text = value == null ? "" : xmlText(value);
  if (text === "") return;
  parent.ele(UBL_NS.cbc, `cbc:${name}`, attributes).txt(text);
}

/** A `cac:` aggregate to fill in. */
export function cac(parent: XmlNode, name: string): XmlNode {
  return parent.ele(UBL_NS.cac, `cac:${name}`);
}

/** An amount element: two decimals and the document currency (PEPPOL-EN16931-R051). */
export function amount(parent: XmlNode, name: string, cents: number, currency: string): void {
  cbc(parent, name, formatAmount(cents), { currencyID: currency });
}
