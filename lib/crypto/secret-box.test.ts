import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secret-box";

const key = randomBytes(32).toString("base64");

/** Flips one bit of the decoded part `index` of a sealed secret. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[index]!, "base64url");
  bytes[0]! ^= 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

describe("secret box", () => {
  it("round-trips unicode and empty secrets", () => {
    for (const secret of ["shpat_0123456789abcdef", "clé secrète ✓ 🔑", ""]) {
      const sealed = encryptSecret(secret, key);
      expect(sealed.startsWith("v1.")).toBe(true);
      expect(sealed).not.toContain(secret || "\u0000");
      expect(decryptSecret(sealed, key)).toBe(secret);
    }
  });

  it("uses a fresh IV each time", () => {
    const a = encryptSecret("same", key);
    const b = encryptSecret("same", key);
    expect(a).not.toBe(b);
    expect(a.split(".")[1]).not.toBe(b.split(".")[1]);
    expect(Buffer.from(a.split(".")[1]!, "base64url")).toHaveLength(12);
  });

  it.each([
    ["iv", 1],
    ["auth tag", 2],
    ["ciphertext", 3],
  ])("detects a tampered %s", (_part, index) => {
    const sealed = encryptSecret("do not touch", key);
    expect(() => decryptSecret(tamper(sealed, index), key)).toThrow();
  });

  it("fails with the wrong key", () => {
    const sealed = encryptSecret("secret", key);
    expect(() => decryptSecret(sealed, randomBytes(32).toString("base64"))).toThrow();
  });

  it("rejects keys that are not 32 bytes and strings that are not sealed", () => {
    expect(() => encryptSecret("x", randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
    expect(() => decryptSecret("plain text", key)).toThrow(/Not a sealed secret/);
    expect(() => decryptSecret("v2.a.b.c", key)).toThrow(/Not a sealed secret/);
  });
});
