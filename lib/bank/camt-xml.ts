import { XMLParser, XMLValidator, type EntityDecoderOptions } from "fast-xml-parser";
import { BankStatementError } from "./bank-statement-error";

/** An element as fast-xml-parser gives it: text, or children/attributes by name. */
export type XmlValue = string | XmlElement | XmlValue[];
export interface XmlElement {
  [name: string]: XmlValue | undefined;
}

/**
 * Elements that can repeat in camt.053 and so always come back as arrays (a single
 * `Ntry` would otherwise be an object and two of them an array).
 */
const REPEATED = new Set([
  "Stmt",
  "Bal",
  "Ntry",
  "NtryDtls",
  "TxDtls",
  "Ustrd",
  "Strd",
  "CdtrRefInf",
]);

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The five XML entities and numeric character references (`&#233;`), in one pass so that
 * `&amp;#233;` stays the text `&#233;`. No DOCTYPE entities: those are refused before
 * parsing (a statement never declares any, and expanding them is an attack surface).
 */
const entityDecoder: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) =>
    text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
      if (name.startsWith("#x")) return safeCodePoint(Number.parseInt(name.slice(2), 16), whole);
      if (name.startsWith("#")) return safeCodePoint(Number.parseInt(name.slice(1), 10), whole);
      return XML_ENTITIES[name] ?? whole;
    }),
};

function safeCodePoint(code: number, fallback: string): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  // camt.053.001.02 … .001.13 differ in their namespace only for what we read: match on
  // local names (docs/belgian-invoicing.md §5.2).
  removeNSPrefix: true,
  // Keep every value as text: "012345678" is a reference, not a number, and amounts are
  // parsed to cents by lib/money.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  entityDecoder,
  isArray: (name) => REPEATED.has(name),
});

export function parseXmlDocument(text: string): XmlElement {
  // Blank lines or a byte-order mark before the declaration make the XML invalid to the
  // letter, but they come from download tools, not from the bank: drop them.
  const xml = text.replace(/^[\uFEFF\s]+/, "");
  if (/<!DOCTYPE/i.test(xml)) {
    throw new BankStatementError(
      "invalid_xml",
      "The XML declares a DOCTYPE, which a camt.053 never does",
    );
  }
  // Checked before the validator and the parser, which both recurse per level.
  if (xmlDepth(xml) > MAX_XML_DEPTH) {
    throw new BankStatementError(
      "too_deep",
      `The XML nests elements more than ${MAX_XML_DEPTH} levels deep; a camt.053 needs about 12`,
    );
  }
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { code, msg, line } = validation.err;
    // The validator ends with the list of still-open elements when the text stops early.
    const truncated = code === "InvalidXml" && msg.startsWith("Invalid '[");
    throw new BankStatementError(
      truncated ? "truncated" : "invalid_xml",
      truncated ? "The XML file stops before its end (unclosed elements)" : `Malformed XML: ${msg}`,
      truncated ? undefined : line,
    );
  }
  const parsed: unknown = parser.parse(xml);
  if (!isElement(parsed))
    throw new BankStatementError("invalid_xml", "The XML has no root element");
  return parsed;
}

/** camt.053 nests about 12 levels; 64 leaves room for any bank's extensions. */
export const MAX_XML_DEPTH = 64;

/**
 * How deep the elements nest, counted over the tags without parsing (comments,
 * processing instructions and CDATA are skipped; self-closing tags do not nest). It
 * stops counting once past MAX_XML_DEPTH.
 */
export function xmlDepth(xml: string): number {
  let depth = 0;
  let deepest = 0;
  const tag =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([^\s>!?/]+)[^>]*?(\/?)>/g;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    if (match[2] === undefined) continue;
    if (match[1] === "/") depth--;
    else if (match[3] !== "/") {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > MAX_XML_DEPTH) return deepest;
    }
  }
  return deepest;
}

export function isElement(value: unknown): value is XmlElement {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The elements named `name` under `element` (attributes excluded), in document order. */
export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  const value = element?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  // A leaf such as <Ustrd>text</Ustrd> is a string; wrap it so callers see one shape.
  return list.map((item) => (isElement(item) ? item : { "#text": textOf(item) }));
}

/** The first element at the end of a path of names. */
export function child(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = element;
  for (const name of path) current = children(current, name)[0];
  return current;
}

/** The trimmed text at the end of a path, `undefined` when absent or empty. */
export function text(element: XmlElement | undefined, ...path: string[]): string | undefined {
  const target = path.length === 0 ? element : child(element, ...path);
  if (target === undefined) return undefined;
  const value = textOf(target["#text"] ?? "");
  return value === "" ? undefined : value;
}

/** Texts of every `name` under `element` (for repeated `Ustrd`). */
export function texts(element: XmlElement | undefined, name: string): string[] {
  return children(element, name)
    .map((item) => text(item))
    .filter((value): value is string => value !== undefined);
}

export function attribute(element: XmlElement | undefined, name: string): string | undefined {
  const value = element?.[`@${name}`];
  return typeof value === "string" ? value.trim() : undefined;
}

function textOf(value: XmlValue): string {
  if (typeof value === "string") return value.trim();
  return "";
}
