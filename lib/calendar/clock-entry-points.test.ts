import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The real time is chosen at the entry: a route, an action, a job handler, a CLI command.
 * Everything below them receives a `Clock`, so a test can fix "now" for the whole path.
 * In lib/ only job handlers (`*.handler.ts`) and CLI commands (`lib/cli/`) may pick
 * `systemClock`; this file's module (clock.ts) defines it.
 */
const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const isEntryOrTest = (relative: string) =>
  /\.test\.tsx?$|\.test-support\.tsx?$|\.handler\.ts$/.test(relative) ||
  relative.startsWith("lib/cli/") ||
  /^lib\/[^/]+\/testing\//.test(relative) ||
  relative === "lib/calendar/clock.ts";

describe("lib operations are handed their clock", () => {
  const offenders = sourceFiles(path.join(root, "lib"))
    .map((file) => path.relative(root, file))
    .filter((relative) => !isEntryOrTest(relative))
    .filter((relative) => /\bsystemClock\b/.test(readFileSync(path.join(root, relative), "utf8")));

  it("no workflow below the entry points picks systemClock itself", () => {
    expect(offenders).toEqual([]);
  });

  it("the check sees a workflow that would", () => {
    expect(isEntryOrTest("lib/documents/queue-document-send.ts")).toBe(false);
    expect(isEntryOrTest("lib/shopify/jobs/process-delivery.handler.ts")).toBe(true);
  });
});
