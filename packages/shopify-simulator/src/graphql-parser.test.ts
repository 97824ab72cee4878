import { describe, expect, it } from "vitest";
import { GraphqlSyntaxError, parseGraphql } from "./graphql-parser";

describe("parseGraphql", () => {
  it("reads variables, arguments, aliases, strings and comments", () => {
    const document = parseGraphql(`
      # a comment
      query Q($first: Int! = 5, $ids: [ID!]) {
        a: orders(first: $first, query: "updated_at:>'2026-01-01'", sortKey: UPDATED_AT, reverse: true) {
          nodes { id }
        }
      }`);
    const operation = document.operations[0]!;
    expect(operation.variables.map((v) => v.name)).toEqual(["first", "ids"]);
    const field = operation.selections[0];
    expect(field).toMatchObject({
      kind: "Field",
      alias: "a",
      name: "orders",
      args: [
        ["first", { kind: "Variable", name: "first" }],
        ["query", { kind: "String", value: "updated_at:>'2026-01-01'" }],
        ["sortKey", { kind: "Enum", value: "UPDATED_AT" }],
        ["reverse", { kind: "Boolean", value: true }],
      ],
    });
  });

  it("reports syntax errors with a location", () => {
    expect(() => parseGraphql("query { shop { name }")).toThrow(GraphqlSyntaxError);
    try {
      parseGraphql("{\n  shop {\n    name(\n  }\n}");
    } catch (error) {
      expect((error as GraphqlSyntaxError).loc.line).toBeGreaterThan(1);
    }
  });
});
