import { describe, expect, it } from "vitest";
import { parseNumberPattern, type NumberPatternProblem } from "./parse-number-pattern";

describe("parseNumberPattern", () => {
  it.each([
    [
      "{YYYY}-{NNNN}",
      [{ kind: "year4" }, { kind: "literal", text: "-" }, { kind: "sequence", width: 4 }],
    ],
    [
      "F{YY}/{NNNNN}",
      [
        { kind: "literal", text: "F" },
        { kind: "year2" },
        { kind: "literal", text: "/" },
        { kind: "sequence", width: 5 },
      ],
    ],
    ["{NNNN}", [{ kind: "sequence", width: 4 }]],
    ["{N}", [{ kind: "sequence", width: 1 }]],
    [
      "INV.{YYYY}{MM}_{NNN}",
      [
        { kind: "literal", text: "INV." },
        { kind: "year4" },
        { kind: "month" },
        { kind: "literal", text: "_" },
        { kind: "sequence", width: 3 },
      ],
    ],
    ["{NNNNNNNNNN}", [{ kind: "sequence", width: 10 }]],
  ])("reads %j", (pattern, parts) => {
    expect(parseNumberPattern(pattern)).toEqual({ ok: true, parts });
  });

  it.each<[string, NumberPatternProblem[]]>([
    ["", [{ code: "empty" }]],
    ["{YYYY}-", [{ code: "missing_sequence" }]],
    ["INV", [{ code: "missing_sequence" }]],
    ["{NNN}-{NNN}", [{ code: "several_sequences" }]],
    ["{NNNNNNNNNNN}", [{ code: "sequence_too_wide", max: 10 }]],
    ["F {NNNN}", [{ code: "invalid_character", character: " ", index: 1 }]],
    ["F#{NNNN}", [{ code: "invalid_character", character: "#", index: 1 }]],
    ["É{NNNN}", [{ code: "invalid_character", character: "É", index: 0 }]],
    ["{NNNN}}", [{ code: "invalid_character", character: "}", index: 6 }]],
    ["{yyyy}-{NNNN}", [{ code: "unknown_token", token: "{yyyy}", index: 0 }]],
    ["{DD}-{NNNN}", [{ code: "unknown_token", token: "{DD}", index: 0 }]],
    ["{}{NNNN}", [{ code: "unknown_token", token: "{}", index: 0 }]],
    ["{toString}{NNNN}", [{ code: "unknown_token", token: "{toString}", index: 0 }]],
    ["{NNNN", [{ code: "unclosed_token", index: 0 }]],
    ["{YYYY-{NNNN}", [{ code: "unclosed_token", index: 0 }]],
    [`${"A".repeat(28)}{NNNN}`, [{ code: "too_long", max: 32 }]],
    [
      "F {yy}",
      [
        { code: "invalid_character", character: " ", index: 1 },
        { code: "unknown_token", token: "{yy}", index: 2 },
        { code: "missing_sequence" },
      ],
    ],
  ])("refuses %j", (pattern, problems) => {
    expect(parseNumberPattern(pattern)).toEqual({ ok: false, problems });
  });

  it("accepts exactly the maximum length", () => {
    expect(parseNumberPattern(`${"A".repeat(26)}{NNNN}`).ok).toBe(true);
  });
});
