import path from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { PEPPOL_EXAMPLES } from "@/test/fixtures";
import type { CliOutput } from "./output";
import { runCli } from "./run";

/** ubl:validate needs no configuration and no database: both throw if touched. */
async function ublValidate(argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out: CliOutput = { out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
  const code = await runCli(["ubl:validate", ...argv], {
    out,
    getConfig: () => {
      throw new Error("ubl:validate read the configuration");
    },
    openDatabase: () => Promise.reject(new Error("ubl:validate opened the database")),
    log: pino({ level: "silent" }),
    waitForShutdown: () => new Promise<string>(() => {}),
  });
  return { code, stdout, stderr: stderr.join("\n") };
}

const example = (name: string) => path.join(PEPPOL_EXAMPLES, name);

describe("facturo ubl:validate", () => {
  it("prints PASS or FAIL per file and each failed rule, exiting 1 when one fails", async () => {
    const good = example("made-here/be-domestic-invoice.xml");
    const broken = example("negative/base-example-broken.xml");
    const { code, stdout, stderr } = await ublValidate([good, broken]);
    expect(stdout).toEqual([
      `PASS ${good}`,
      `FAIL ${broken}`,
      expect.stringMatching(
        /^ {2}BR-CO-16 \(CEN \/Invoice\[1\]\/LegalMonetaryTotal\[1\]\): \[BR-CO-16\]-Amount due/,
      ),
      expect.stringMatching(
        /^ {2}PEPPOL-COMMON-R043 \(PEPPOL .*EndpointID\[1\]\): .*Belgian enterprise number/,
      ),
    ]);
    expect(stderr).toBe("1 passed, 1 failed");
    expect(code).toBe(1);
  });

  it("exits 0 when every file passes", async () => {
    const files = [example("base-example.xml"), example("base-creditnote-correction.xml")];
    const { code, stdout } = await ublValidate(files);
    expect(stdout).toEqual(files.map((f) => `PASS ${f}`));
    expect(code).toBe(0);
  });

  it("refuses a missing file or no file with exit 2", async () => {
    expect(await ublValidate([example("no-such-file.xml")])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("cannot read") as string,
    });
    expect((await ublValidate([])).code).toBe(2);
  });
});
