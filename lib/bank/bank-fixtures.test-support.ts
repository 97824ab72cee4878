import { readFileSync } from "node:fs";
import path from "node:path";
import { BANK_FIXTURES } from "@/test/fixtures";

/** The real bank files of test/fixtures/bank (see its SOURCES.md). */
export { BANK_FIXTURES };

export function readBankFixture(relativePath: string): Buffer {
  return readFileSync(path.join(BANK_FIXTURES, relativePath));
}

/** CODA fixtures are ASCII; read as Latin-1 like a bank's CODA would be. */
export function readCodaFixture(name: string): string {
  return readBankFixture(`coda/${name}`).toString("latin1");
}
