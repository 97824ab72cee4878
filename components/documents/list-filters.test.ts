import { describe, expect, it } from "vitest";
import { documentsHref, hasFilters, parseListQuery } from "./list-filters";

const customer = "5b0f3c8e-2d4a-4c1b-9f7e-1a2b3c4d5e6f";

describe("parseListQuery", () => {
  it("reads every filter and the cursor", () => {
    expect(
      parseListQuery({
        type: "invoice",
        status: "concept",
        from: "2026-01-01",
        to: "2026-01-31",
        customer,
        q: "  #1042 ",
        cursor: "abc",
      }),
    ).toEqual({
      filters: {
        type: "invoice",
        status: "concept",
        from: "2026-01-01",
        to: "2026-01-31",
        customerId: customer,
        search: "#1042",
      },
      cursor: "abc",
    });
  });

  it("has no filters when the URL has none", () => {
    expect(parseListQuery({})).toEqual({ filters: {}, cursor: null });
  });

  it.each([
    ["an unknown type", { type: "receipt" }],
    ["an unknown status", { status: "draft" }],
    ["a date that is not a date", { from: "2026-13-45x" }],
    ["a customer that is not an id", { customer: "1; drop table" }],
    ["empty values from a submitted form", { type: "", status: "", q: "   ", from: "" }],
  ])("ignores %s", (_label, params) => {
    expect(parseListQuery(params)).toEqual({ filters: {}, cursor: null });
  });

  it("keeps the valid filters next to an invalid one", () => {
    expect(parseListQuery({ type: "nope", status: "sent" }).filters).toEqual({ status: "sent" });
  });

  it("takes the first of repeated values", () => {
    expect(parseListQuery({ type: ["credit_note", "invoice"] }).filters).toEqual({
      type: "credit_note",
    });
  });

  it("ignores a search longer than 100 characters", () => {
    expect(parseListQuery({ q: "x".repeat(101) }).filters).toEqual({});
  });
});

describe("documentsHref", () => {
  it("is the bare list without filters", () => {
    expect(documentsHref({})).toBe("/documents");
  });

  it("keeps the filters and adds the cursor for the next page", () => {
    expect(documentsHref({ status: "concept", search: "Dupont & fils" }, "c1")).toBe(
      "/documents?status=concept&q=Dupont+%26+fils&cursor=c1",
    );
  });

  it("round-trips through parseListQuery", () => {
    const filters = { type: "invoice" as const, customerId: customer, from: "2026-02-01" };
    const href = documentsHref(filters, "next");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseListQuery(params)).toEqual({ filters, cursor: "next" });
  });
});

describe("hasFilters", () => {
  it("says whether any filter is set", () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ status: "concept" })).toBe(true);
  });
});
