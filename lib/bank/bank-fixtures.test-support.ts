import { readFileSync } from "node:fs";
import path from "node:path";

/** The real bank files of `shared/fixtures/bank` (see its SOURCES.md), beside the repo. */
export const BANK_FIXTURES = path.resolve(process.cwd(), "../shared/fixtures/bank");

export function readBankFixture(relativePath: string): Buffer {
  return readFileSync(path.join(BANK_FIXTURES, relativePath));
}

/** CODA fixtures are ASCII; read as Latin-1 like a bank's CODA would be. */
export function readCodaFixture(name: string): string {
  return readBankFixture(`coda/${name}`).toString("latin1");
}
