/**
 * The document-number pattern language of a series, e.g. `{YYYY}-{NNNN}`, `F{YY}/{NNNNN}`,
 * `{NNNN}`. Tokens: `{YYYY}` `{YY}` `{MM}` (from the document date in Brussels time) and
 * `{N…}` (the sequence, zero-padded to the number of Ns and longer when it outgrows them).
 * Everything else is literal text from a small set of characters, because the number ends
 * up in file names, e-mail subjects, Peppol IDs and bank transfer descriptions.
 */
export type NumberPatternPart =
  | { kind: "literal"; text: string }
  | { kind: "year4" }
  | { kind: "year2" }
  | { kind: "month" }
  | { kind: "sequence"; width: number };

export type NumberPatternProblem =
  | { code: "empty" }
  | { code: "too_long"; max: number }
  | { code: "invalid_character"; character: string; index: number }
  | { code: "unknown_token"; token: string; index: number }
  | { code: "unclosed_token"; index: number }
  | { code: "missing_sequence" }
  | { code: "several_sequences" }
  | { code: "sequence_too_wide"; max: number };

export type ParsedNumberPattern =
  { ok: true; parts: NumberPatternPart[] } | { ok: false; problems: NumberPatternProblem[] };

export const MAX_PATTERN_LENGTH = 32;
// Wider padding than 10 digits is never needed and would make absurd numbers.
export const MAX_SEQUENCE_WIDTH = 10;

const LITERAL = /^[A-Za-z0-9\-/._]$/;
const DATE_TOKENS = { YYYY: "year4", YY: "year2", MM: "month" } as const;

function readToken(body: string): NumberPatternPart | null {
  if (/^N+$/.test(body)) return { kind: "sequence", width: body.length };
  const kind = Object.hasOwn(DATE_TOKENS, body)
    ? DATE_TOKENS[body as keyof typeof DATE_TOKENS]
    : null;
  return kind ? { kind } : null;
}

/** Splits a pattern into parts, or lists every problem so a form can show them all. */
export function parseNumberPattern(pattern: string): ParsedNumberPattern {
  if (pattern === "") return { ok: false, problems: [{ code: "empty" }] };
  const problems: NumberPatternProblem[] = [];
  if (pattern.length > MAX_PATTERN_LENGTH) {
    problems.push({ code: "too_long", max: MAX_PATTERN_LENGTH });
  }
  const parts: NumberPatternPart[] = [];
  let index = 0;
  while (index < pattern.length) {
    const character = pattern.charAt(index);
    if (character === "{") {
      const close = pattern.indexOf("}", index);
      if (close === -1) {
        problems.push({ code: "unclosed_token", index });
        break;
      }
      const body = pattern.slice(index + 1, close);
      const nested = body.indexOf("{");
      if (nested !== -1) {
        // `{YYYY-{NNNN}`: report the brace left open and read on from the next one.
        problems.push({ code: "unclosed_token", index });
        index += 1 + nested;
        continue;
      }
      const part = readToken(body);
      if (part) parts.push(part);
      else problems.push({ code: "unknown_token", token: `{${body}}`, index });
      index = close + 1;
      continue;
    }
    if (LITERAL.test(character)) {
      const last = parts.at(-1);
      if (last?.kind === "literal") last.text += character;
      else parts.push({ kind: "literal", text: character });
    } else {
      problems.push({ code: "invalid_character", character, index });
    }
    index += 1;
  }
  const sequences = parts.filter((part) => part.kind === "sequence");
  if (sequences.length === 0 && !problems.some((p) => p.code === "unclosed_token")) {
    problems.push({ code: "missing_sequence" });
  }
  if (sequences.length > 1) problems.push({ code: "several_sequences" });
  if (sequences.some((part) => part.width > MAX_SEQUENCE_WIDTH)) {
    problems.push({ code: "sequence_too_wide", max: MAX_SEQUENCE_WIDTH });
  }
  return problems.length === 0 ? { ok: true, parts } : { ok: false, problems };
}
