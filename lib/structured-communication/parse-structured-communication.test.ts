import { describe, expect, it } from "vitest";
import { parseStructuredCommunication } from "./parse-structured-communication";

describe("parseStructuredCommunication", () => {
  it.each([
    ["+++202/6000/00192+++", "202600000192"],
    ["***202/6000/00192***", "202600000192"],
    ["202600000192", "202600000192"],
    ["202 6000 00192", "202600000192"],
    ["  +++ 202 / 6000 / 00192 +++ ", "202600000192"],
    ["+++202600000192+++", "202600000192"],
    ["++202/6000/00192++", "202600000192"],
    ["+++202/6000/00697+++", "202600000697"],
    ["+++000/0000/00097+++", "000000000097"],
    ["+++010/8068/17183+++", "010806817183"],
    ["+++090/9337/55493+++", "090933755493"],
    ["+++123/4567/89002+++", "123456789002"],
    // CODA record 2.1 positions 66-77 and camt.053 CdtrRefInf/Ref carry bare digits.
    ["240283842818", "240283842818"],
  ])("reads %j as %s", (input, digits) => {
    expect(parseStructuredCommunication(input)).toEqual({ ok: true, digits });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["+++ +++", "empty"],
    ["+++202/6000/0019+++", "length"],
    ["2026000001920", "length"],
    ["+++202/6000/00192/1+++", "length"],
    ["F2026-000001", "characters"],
    ["+++202.6000.00192+++", "characters"],
    ["+++202/6000/00192+++ paid", "characters"],
    ["OGM 202600000192", "characters"],
    ["+-+202/6000/00192+-+", "characters"],
    // The layout illustration printed everywhere has wrong check digits.
    ["+++123/4567/89012+++", "check_digits"],
    // Remainder 0 is written 97, never 00.
    ["+++202/6000/00600+++", "check_digits"],
    ["+++000/0000/00000+++", "check_digits"],
    // One altered digit in the base, and two swapped digits.
    ["+++202/6000/00292+++", "check_digits"],
    ["+++202/6000/10092+++", "check_digits"],
  ])("rejects %j: %s", (input, problem) => {
    expect(parseStructuredCommunication(input)).toEqual({ ok: false, problem });
  });
});
