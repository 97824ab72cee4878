import { describe, expect, it } from "vitest";
import { seriesCanCollide } from "./series-can-collide";

describe("seriesCanCollide", () => {
  it.each([
    ["{YYYY}-{NNNN}", "{YYYY}-{NNNN}", true],
    ["{YYYY}-{NNNN}", "{YYYY}-{NNNNN}", true],
    ["{YYYY}{NNNN}", "{YY}{NNNNNN}", true],
    ["cn{YYYY}-{NNNN}", "CN{YYYY}-{NNNN}", true],
    ["{YYYY}-{NNNN}", "CN{YYYY}-{NNNN}", false],
    ["F{YYYY}/{NNNNN}", "{YYYY}-{NNNN}", false],
    ["OF{YYYY}-{NNNN}", "DN{YYYY}-{NNNN}", false],
  ])("%s vs %s → %s", (a, b, expected) => {
    expect(seriesCanCollide(a, b)).toBe(expected);
  });
});
