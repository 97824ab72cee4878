import { describe, expect, it } from "vitest";
import { graphqlDateTime } from "./rest-order-to-graphql";

// The conversion of every order fixture through Facturo's ORDERS_QUERY is checked on the
// app's side: lib/shopify/platform/admin-graphql/simulator-orders.test.ts.

describe("graphqlDateTime", () => {
  it("turns REST offsets into UTC with Z and no milliseconds", () => {
    expect(graphqlDateTime("2026-03-29T01:30:00+01:00")).toBe("2026-03-29T00:30:00Z");
    expect(graphqlDateTime(null)).toBeNull();
  });
});
