import { describe, expect, it } from "vitest";
import { secureSetCookie } from "./cookies";
import { safeRequestId } from "./request-id";
import { isForeignOrigin, securityHeaders } from "./security-headers";

describe("security headers", () => {
  it("sends a nonce CSP that forbids framing, nosniff and a referrer policy", () => {
    const headers = securityHeaders({
      nonce: "abc",
      pathname: "/documents",
      appUrl: "http://localhost:3000",
      development: false,
    });
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).toContain("'nonce-abc'");
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  it("sends no referrer from customer pages, and HSTS behind https", () => {
    const headers = securityHeaders({
      nonce: "abc",
      pathname: "/d/token/pdf",
      appUrl: "https://app.facturo.be",
      development: false,
    });
    expect(headers["referrer-policy"]).toBe("no-referrer");
    expect(headers["strict-transport-security"]).toContain("max-age=");
  });

  it("tells a foreign origin from the app's own", () => {
    expect(
      isForeignOrigin("https://evil.example", "app.facturo.be", "https://app.facturo.be"),
    ).toBe(true);
    expect(
      isForeignOrigin("https://app.facturo.be", "internal:3000", "https://app.facturo.be"),
    ).toBe(false);
    expect(isForeignOrigin("http://localhost:3000", "localhost:3000", undefined)).toBe(false);
    expect(isForeignOrigin(null, "localhost:3000", undefined)).toBe(false);
    expect(isForeignOrigin("not a url", "localhost:3000", undefined)).toBe(true);
  });

  it("marks cookies Secure behind https only", () => {
    expect(secureSetCookie("a=1; Path=/", "https://app.facturo.be")).toBe("a=1; Path=/; Secure");
    expect(secureSetCookie("a=1; Secure", "https://app.facturo.be")).toBe("a=1; Secure");
    expect(secureSetCookie("a=1", "http://localhost:3000")).toBe("a=1");
  });

  it("keeps a short safe request id and replaces any other", () => {
    expect(safeRequestId("lb-1234.abc:9")).toBe("lb-1234.abc:9");
    expect(safeRequestId("x".repeat(6000))).toMatch(/^[0-9a-f-]{36}$/);
    expect(safeRequestId("a\nb")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
