import { describe, expect, it } from "vitest";
import { decodeWindows1252 } from "./decode-windows-1252";

describe("decodeWindows1252", () => {
  it("decodes ASCII, Latin-1 and the Windows-only 0x80-0x9F range", () => {
    expect(decodeWindows1252(Uint8Array.from([0x41, 0xe9, 0xc9, 0xff]))).toBe("AéÉÿ");
    expect(decodeWindows1252(Uint8Array.from([0x80, 0x92, 0x8a, 0x9c, 0x85]))).toBe("€’Šœ…");
    expect(decodeWindows1252(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe(
      "\u0081\u008d\u008f\u0090\u009d",
    );
  });

  it("decodes long inputs (no argument-count limit)", () => {
    const bytes = new Uint8Array(100_000).fill(0x80);
    expect(decodeWindows1252(bytes)).toBe("€".repeat(100_000));
  });
});
