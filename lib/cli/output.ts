/**
 * How commands talk to the operator: `out` for the result (what a script captures),
 * `err` for everything meant for a human. Tests pass an in-memory writer.
 */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: CliOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** An expected failure (bad input, unknown organisation…): printed as `error: <message>`, no stack. */
export class CliError extends Error {
  constructor(
    message: string,
    public readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}
