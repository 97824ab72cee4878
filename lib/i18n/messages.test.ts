import { describe, expect, it } from "vitest";
import { uiLocales } from "./locales";
import { loadMessages } from "./messages";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe("UI translations", () => {
  const reference = keysOf(loadMessages("en")).sort();

  it.each(uiLocales.filter((l) => l !== "en"))("%s has exactly the English keys", (locale) => {
    expect(keysOf(loadMessages(locale)).sort()).toEqual(reference);
  });

  it.each(uiLocales)("%s has no empty text", (locale) => {
    const empty = keysOf(loadMessages(locale)).filter((key) => {
      const text = key
        .split(".")
        .reduce<unknown>(
          (node, part) => (node as Record<string, unknown>)[part],
          loadMessages(locale),
        );
      return typeof text !== "string" || text.trim() === "";
    });
    expect(empty).toEqual([]);
  });
});
