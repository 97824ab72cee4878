import type { BenchOptions } from "./options";
import type { Figure } from "./report";
import type { StackContext } from "./stack";

export async function runPglitePhase(
  _options: BenchOptions,
  _ctx: StackContext,
  _log: (line: string) => void,
): Promise<Figure[]> {
  return [];
}
