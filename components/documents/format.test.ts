import { describe, expect, it } from "vitest";
import { belgianLocale, formatCalendarDate } from "./format";

describe("format", () => {
  it("maps the UI locale to its Belgian format", () => {
    expect(belgianLocale("fr")).toBe("fr-BE");
    expect(belgianLocale("nl")).toBe("nl-BE");
    expect(belgianLocale("en")).toBe("en-BE");
    expect(belgianLocale("xx")).toBe("en-BE");
  });

  it("prints a stored date on the same day, whatever the server's time zone", () => {
    expect(formatCalendarDate("2026-01-01", "nl-BE")).toContain("2026");
    expect(formatCalendarDate("2026-01-01", "fr-BE")).toMatch(/^1 janv\.? 2026$/);
  });
});
