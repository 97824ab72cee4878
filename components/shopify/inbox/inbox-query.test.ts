import { describe, expect, it } from "vitest";
import { inboxHref, parseInboxQuery } from "./inbox-query";

const id = "0b5f4c1e-6f0a-4c4e-9a55-3f0d2a7e9b11";

describe("the inbox's URL", () => {
  it("reads the status, the search and the page", () => {
    expect(parseInboxQuery({ status: "failed", q: " #1042 ", before: id })).toEqual({
      filters: { status: "failed", search: "#1042" },
      before: id,
    });
  });

  it("ignores what does not parse, so an old or edited link still opens", () => {
    expect(parseInboxQuery({ status: "broken", q: "   ", before: "not-an-id" })).toEqual({
      filters: {},
      before: null,
    });
    expect(parseInboxQuery({ status: ["ignored", "failed"], q: "x".repeat(101) })).toEqual({
      filters: { status: "ignored" },
      before: null,
    });
  });

  it("writes links that read back the same", () => {
    expect(inboxHref({})).toBe("/apps/shopify/inbox");
    const href = inboxHref({ status: "received", search: "#10 42&" }, id);
    expect(href).toBe(`/apps/shopify/inbox?status=received&q=%2310+42%26&before=${id}`);
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseInboxQuery(params)).toEqual({
      filters: { status: "received", search: "#10 42&" },
      before: id,
    });
  });
});
