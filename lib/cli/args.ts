import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./output";

type Options = NonNullable<ParseArgsConfig["options"]>;

/**
 * `node:util` parseArgs, strict, with its errors (unknown option, missing value,
 * stray positional) turned into CliErrors that show the command's usage.
 */
export function parseCommandArgs<const O extends Options>(
  argv: string[],
  options: O,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_")) {
      throw new CliError(`${(err as Error).message}\nusage: ${usage}`);
    }
    throw err;
  }
}

/** The value of a required string option; a CliError naming the option when absent. */
export function requiredOption(value: unknown, flag: string, usage: string): string {
  if (typeof value !== "string") throw new CliError(`${flag} is required\nusage: ${usage}`);
  return value;
}
