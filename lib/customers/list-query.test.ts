import { describe, expect, it } from "vitest";
import { isUuid, listQuery } from "./list-query";

describe("listQuery", () => {
  it("reads the search and a positive page, and falls back on page 1", () => {
    expect(listQuery({ q: "  marie ", page: "3" })).toEqual({ search: "marie", page: 3 });
    expect(listQuery({ q: ["a", "b"], page: "-2" })).toEqual({ search: "a", page: 1 });
    expect(listQuery({ page: "abc" })).toEqual({ search: "", page: 1 });
  });

  it("recognises UUIDs only", () => {
    expect(isUuid("0b0f3c1e-8a4b-4c6e-9a51-2f1f0a9b7c3d")).toBe(true);
    expect(isUuid("1; drop table")).toBe(false);
  });
});
