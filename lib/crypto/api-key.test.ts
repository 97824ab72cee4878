import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { apiKeyMatches, generateApiKey, hashApiKey, parseApiKeyPrefix } from "./api-key";

describe("API keys", () => {
  it("generates tokens whose prefix can be parsed back", () => {
    const key = generateApiKey();
    expect(key.token).toMatch(/^fct_[0-9a-f]{12}_[A-Za-z0-9_-]{32}$/);
    expect(parseApiKeyPrefix(key.token)).toBe(key.prefix);
  });

  it("stores only a SHA-256 of the token", () => {
    const key = generateApiKey();
    expect(key.hash).toBe(createHash("sha256").update(key.token).digest("hex"));
    // The secret part may itself contain "_": take everything after the prefix.
    expect(key.hash).not.toContain(key.token.slice(`fct_${key.prefix}_`.length));
  });

  it("never repeats a token or prefix", () => {
    const keys = Array.from({ length: 50 }, generateApiKey);
    expect(new Set(keys.map((k) => k.token)).size).toBe(50);
    expect(new Set(keys.map((k) => k.prefix)).size).toBe(50);
  });

  it("matches only the exact token", () => {
    const key = generateApiKey();
    expect(apiKeyMatches(key.token, key.hash)).toBe(true);
    expect(apiKeyMatches(generateApiKey().token, key.hash)).toBe(false);
    // Change the last character to something it is not, so the token really differs.
    const last = key.token.slice(-1);
    expect(apiKeyMatches(key.token.slice(0, -1) + (last === "x" ? "y" : "x"), key.hash)).toBe(
      false,
    );
    // A corrupt stored hash must not throw from timingSafeEqual.
    expect(apiKeyMatches(key.token, "")).toBe(false);
    expect(apiKeyMatches(key.token, "abc")).toBe(false);
    expect(hashApiKey(key.token)).toBe(key.hash);
  });

  it.each([
    "",
    "garbage",
    "Bearer fct_0123456789ab_" + "a".repeat(32),
    "fct_0123456789AB_" + "a".repeat(32),
    "fct_0123456789a_" + "a".repeat(32),
    "fct_0123456789ab_" + "a".repeat(31),
    "fct_0123456789ab_" + "a".repeat(33),
    "xyz_0123456789ab_" + "a".repeat(32),
    "fct_0123456789ab_" + "a".repeat(31) + "=",
  ])("rejects malformed token %j", (token) => {
    expect(parseApiKeyPrefix(token)).toBeNull();
  });
});
