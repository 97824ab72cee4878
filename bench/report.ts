import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** One measured figure, with its target when the issue sets one. */
export interface Figure {
  engine: "postgres" | "pglite" | "bare-node";
  measure: string;
  name: string;
  /** null when nothing could be measured (say why in `note`). */
  value: number | null;
  unit: string;
  target?: { op: "<" | ">="; value: number };
  note?: string;
}

export type Verdict = "pass" | "MISS" | "";

export function verdict(figure: Figure): Verdict {
  if (!figure.target) return "";
  const { op, value } = figure.target;
  if (figure.value === null || Number.isNaN(figure.value)) return "MISS";
  return (op === "<" ? figure.value < value : figure.value >= value) ? "pass" : "MISS";
}

function show(value: number | null): string {
  if (value === null || Number.isNaN(value)) return "n/a";
  if (value === Infinity) return "∞";
  return Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1);
}

/** The one table `npm run bench` prints. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.engine,
    f.measure,
    f.name,
    `${show(f.value)} ${f.unit}`,
    f.target ? `${f.target.op} ${show(f.target.value)} ${f.unit}` : "",
    verdict(f),
    f.note ?? "",
  ]);
  const header = ["engine", "measure", "figure", "value", "target", "", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Writes bench/results/<stamp>.json and latest.json; returns the stamped path. */
export function writeResults(dir: string, stamp: string, result: object): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${stamp}.json`);
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(file, json);
  writeFileSync(path.join(dir, "latest.json"), json);
  return file;
}
