import { describe, expect, it } from "vitest";
import { findStructuredCommunications } from "./find-structured-communications";

describe("findStructuredCommunications", () => {
  it.each([
    ["+++202/6000/12320+++", ["202600012320"]],
    ["***202/6000/12320***", ["202600012320"]],
    ["betaling 202600012320 en +++010/8068/17183+++", ["202600012320", "010806817183"]],
    ["202 6000 12320", ["202600012320"]],
    ["202.6000.12320", ["202600012320"]],
    ["twice 202600012320 202600012320", ["202600012320"]],
    // Wrong check digits, the layout illustration, longer digit runs: nothing.
    ["+++202/6000/12321+++", []],
    ["+++123/4567/89012+++", []],
    ["BE41063012345610", []],
    ["1202600012320", []],
    ["2026000123201", []],
    // The php sample's typed reference has wrong check digits.
    ["112/4554/46812 813 ANOTHER MESSAGE", []],
    ["", []],
  ])("%j → %j", (text, expected) => {
    expect(findStructuredCommunications(text)).toEqual(expected);
  });
});
