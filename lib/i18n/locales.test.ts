import { describe, expect, it } from "vitest";
import { isUiLocale, negotiateLocale } from "./locales";

describe("negotiateLocale", () => {
  it.each([
    [null, "en"],
    [undefined, "en"],
    ["", "en"],
    ["*", "en"],
    ["fr", "fr"],
    ["nl-BE", "nl"],
    ["FR-be", "fr"],
    // The first supported language by quality, not by position.
    ["de-DE,de;q=0.9,nl;q=0.8,fr;q=0.7", "nl"],
    ["fr;q=0.5, nl;q=0.9", "nl"],
    ["en;q=0.1, fr-BE;q=0.8, nl;q=0.3", "fr"],
    ["fr;q=1.0, nl", "fr"],
    ["nl, fr", "nl"],
    // q=0 means "not acceptable"; an unparsable q is ignored rather than trusted.
    ["fr;q=0, nl;q=0.1", "nl"],
    ["fr;q=abc, nl;q=0.2", "nl"],
    ["de, es;q=0.9", "en"],
  ])("%j → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it("recognises only UI locales", () => {
    expect(isUiLocale("nl")).toBe(true);
    expect(isUiLocale("de")).toBe(false);
    expect(isUiLocale(null)).toBe(false);
  });
});
