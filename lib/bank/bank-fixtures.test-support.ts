import { readFileSync } from "node:fs";
import { BANK_FIXTURES, fixtureFiles, fixturePath } from "@/test/fixtures";

/** The real bank files of test/fixtures/bank (see its SOURCES.md and manifest.json). */
export { BANK_FIXTURES, fixtureFiles };

/** A bank fixture's bytes; one that is not listed, or listed but missing, throws with its path. */
export function readBankFixture(relativePath: string): Buffer {
  return readFileSync(fixturePath(`bank/${relativePath}`));
}

/** CODA fixtures are ASCII; read as Latin-1 like a bank's CODA would be. */
export function readCodaFixture(name: string): string {
  return readBankFixture(`coda/${name}`).toString("latin1");
}
