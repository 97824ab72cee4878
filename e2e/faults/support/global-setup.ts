import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { FaultCounts } from "./tally";
import { TALLY_FILE_ENV } from "./tally";

/** Starts an empty tally for the run and prints the sums at the end. */
export default function setup() {
  const file = path.resolve(".data/fault-tally.jsonl");
  rmSync(file, { force: true });
  process.env[TALLY_FILE_ENV] = file;
  return () => {
    const rows = existsSync(file)
      ? readFileSync(file, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as FaultCounts & { suite: string })
      : [];
    const sum = (k: keyof FaultCounts) => rows.reduce((n, r) => n + r[k], 0);
    const bySuite = new Map<string, FaultCounts>();
    for (const r of rows) {
      const s = bySuite.get(r.suite) ?? { tried: 0, lost: 0, duplicated: 0, serverErrors: 0 };
      s.tried += r.tried;
      s.lost += r.lost;
      s.duplicated += r.duplicated;
      s.serverErrors += r.serverErrors;
      bySuite.set(r.suite, s);
    }
    console.log("\nFault suite");
    console.table(Object.fromEntries(bySuite));
    console.log(
      `cases tried ${sum("tried")}, lost ${sum("lost")}, duplicated ${sum("duplicated")}, 5xx ${sum("serverErrors")}`,
    );
  };
}
