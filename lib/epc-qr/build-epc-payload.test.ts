import { describe, expect, it } from "vitest";
import { buildEpcPayload, EpcQrError, epcQrPngDataUrl } from "./index";

const base = {
  bic: "GEBABEBB",
  name: "Atelier Dupont SRL",
  iban: "BE68 5390 0754 7034",
  amountCents: 1234,
  structuredReference: "+++090/9337/55493+++",
};

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof EpcQrError) return err.code;
    throw err;
  }
  return undefined;
}

describe("buildEpcPayload", () => {
  it("writes the EPC069-12 lines with the reference in the structured line", () => {
    expect(buildEpcPayload(base).split("\n")).toEqual([
      "BCD",
      "002",
      "1",
      "SCT",
      "GEBABEBB",
      "Atelier Dupont SRL",
      "BE68539007547034",
      "EUR12.34",
      "",
      "+++090/9337/55493+++",
    ]);
  });

  it("leaves the BIC empty and drops trailing empty lines", () => {
    const payload = buildEpcPayload({ ...base, bic: null, structuredReference: null });
    expect(payload).toBe("BCD\n002\n1\nSCT\n\nAtelier Dupont SRL\nBE68539007547034\nEUR12.34");
  });

  it.each([
    [1, "EUR0.01"],
    [100, "EUR1.00"],
    [99_999_999_999, "EUR999999999.99"],
  ])("formats %i cents as %s", (amountCents, expected) => {
    expect(buildEpcPayload({ ...base, amountCents }).split("\n")[7]).toBe(expected);
  });

  it.each([0, -1, 100_000_000_000, 1.5, Number.NaN])("refuses amount %s", (amountCents) => {
    expect(codeOf(() => buildEpcPayload({ ...base, amountCents }))).toBe("invalid_amount");
  });

  it("accepts a 70-character name and refuses 71 or an empty one", () => {
    expect(() => buildEpcPayload({ ...base, name: "x".repeat(70) })).not.toThrow();
    expect(codeOf(() => buildEpcPayload({ ...base, name: "x".repeat(71) }))).toBe("invalid_name");
    expect(codeOf(() => buildEpcPayload({ ...base, name: "  " }))).toBe("invalid_name");
  });

  it("refuses malformed IBAN, BIC and reference", () => {
    expect(codeOf(() => buildEpcPayload({ ...base, iban: "not an iban" }))).toBe("invalid_iban");
    expect(codeOf(() => buildEpcPayload({ ...base, bic: "GEB" }))).toBe("invalid_bic");
    expect(codeOf(() => buildEpcPayload({ ...base, structuredReference: "r".repeat(36) }))).toBe(
      "invalid_reference",
    );
  });

  it("counts the 331-byte limit in UTF-8 bytes, not characters", () => {
    // 70 × "é" is 140 bytes; with a long IBAN the total still fits.
    expect(() => buildEpcPayload({ ...base, name: "é".repeat(70) })).not.toThrow();
    // 70 × a 4-byte emoji is 280 bytes: over the limit together with the other lines.
    expect(codeOf(() => buildEpcPayload({ ...base, name: "😀".repeat(70) }))).toBe(
      "payload_too_long",
    );
  });

  it("keeps a name on one line", () => {
    expect(buildEpcPayload({ ...base, name: "A\nB" }).split("\n")[5]).toBe("A B");
  });
});

describe("epcQrPngDataUrl", () => {
  it("makes a PNG data URL", () => {
    const url = epcQrPngDataUrl(buildEpcPayload(base));
    expect(url.startsWith("data:image/png;base64,iVBORw0KGgo")).toBe(true);
  });
});
